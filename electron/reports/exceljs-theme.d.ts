/** exceljs's default workbook theme (the XML every exceljs workbook carries), as a string. */
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const theme: string;
  export = theme;
}
