/** The fourteen workers of the group wage case (issue 7), shared by the unit and e2e tests. */
export const WORKERS = [
  '马福祥',
  '马福林',
  '韩有德',
  '冶生福',
  '马成龙',
  '李生贵',
  '赵永林',
  '马海龙',
  '马明德',
  '韩青山',
  '马进元',
  '冶有才',
  '马学文',
  '韩永福',
] as const;
