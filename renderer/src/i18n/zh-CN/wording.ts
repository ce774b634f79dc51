/** Texts of 设置 → 译文固定用语 and of the agreement editor's wording status (issue 12). */
export const wordingText = {
  title: '译文固定用语',
  intro:
    '协议书译文页上的标题、标签和法律条文等固定用语。随软件提供的藏文、蒙古文译文是我们草拟的，未经合格译员审校，标为“待审校”，不会打印：待审校时译文页照旧只印中文标题和中文“以哪种文本为准”的说明。请由合格译员审校后，在这里录入经审校的译文并填写审校人，该条即为“已审校”，此后印在藏文、蒙古文译文页上；签名标签和翻译人标签印在协议书签名栏里当事人和翻译人的中文标签旁（口头协议登记表的签名栏暂不印）。',
  languages: { bo: '藏文', mn: '蒙古文' } as const,
  mongolianNote:
    '已审校的蒙古文用语竖排印在协议书的蒙古文译文页上（标题、当事人标签和姓名、以哪种文本为准、第三十一条、第三十三条和份数的句子）；签名标签和翻译人标签竖排印在签名栏里签名线的右侧（当事人多、用签名表时印在“签名或按指印”表头里）。',
  keys: {
    title: '协议书标题',
    oralTitle: '口头协议登记表标题',
    partyLabel: '当事人',
    art31: '法律约束力（人民调解法第三十一条）',
    art33: '司法确认（人民调解法第三十三条）',
    copies: '份数',
    partySignature: '签名标签',
    translatorLabel: '翻译人标签',
    prevailsChinese: '以中文文本为准',
    prevailsEqual: '两种文本具有同等效力',
  } as const,
  columns: {
    entry: '条目',
    source: '中文原文',
    text: '译文',
    status: '状态',
  },
  unreviewed: '待审校',
  reviewed: (reviewer: string, date: string) => `已审校（${reviewer}，${date}）`,
  reviewedShort: (reviewer: string) => `已审校（${reviewer}）`,
  noDraft: '（未草拟，请由译员填写）',
  draftLabel: '草拟：',
  edit: '录入审校译文',
  editTitle: (language: string, entry: string) => `${language}译文 — ${entry}`,
  text: '经审校的译文',
  copiesHelp: '份数处请写 {N}，打印时换成份数。',
  reviewer: '审校人',
  reviewerHelp: '审校这条译文的合格译员姓名',
  saved: '译文已保存',
  editorSummary: (language: string, reviewed: number, total: number) =>
    `${language}译文页固定用语：已审校 ${reviewed} 条，待审校 ${total - reviewed} 条（待审校的条目不印译文）`,
  toSettings: '到 设置 → 译文固定用语 录入',
  entryLabel: (entry: string) => `${entry}：`,
} as const;
