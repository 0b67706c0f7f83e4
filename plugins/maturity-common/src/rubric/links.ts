/** The model pages our checks cite (CNCF Cloud Native Maturity Model, CC BY 4.0). */
export const MODEL_LINKS = {
  level1: 'https://maturitymodel.cncf.io/level-1/',
  level2: 'https://maturitymodel.cncf.io/level-2/',
  level3: 'https://maturitymodel.cncf.io/level-3/',
  level4: 'https://maturitymodel.cncf.io/level-4/',
  level5: 'https://maturitymodel.cncf.io/level-5/',
} as const;

export const WELL_KNOWN_ANNOTATIONS_DOC =
  'https://backstage.io/docs/features/software-catalog/well-known-annotations';
