/**
 * The placeholder texts `npm run new-plan` writes into a skeleton plan (src/scaffold/new-plan.ts
 * imports them from here). Validation refuses any of them left in a plan, so a skeleton can never
 * be published as if its placeholders were the plan's own words: both sides use these exact texts.
 */
export const PLACEHOLDERS = {
  concernText: 'Concern text, word for word from the plan.',
  recommendationText: 'Recommendation text, word for word from the plan.',
  responseText: 'Response text, word for word from the plan.',
  actionText: 'Action text, word for word from the plan.',
  owner: 'Owner as written in the plan',
  target: 'Target date as written in the plan',
  introduction: 'Introduction, word for word from the plan: the text before its table of concerns.',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

/** What each placeholder stands for, as the fix in a problem: "replace it with ...". */
export const PLACEHOLDER_FIXES: Record<PlaceholderName, string> = {
  concernText: "the concern's words, exactly as the plan writes them",
  recommendationText: "the recommendation's words, exactly as the plan writes them",
  responseText: "the response's words, exactly as the plan writes them",
  actionText: "the action's words, exactly as the plan writes them",
  owner: 'the owner exactly as the plan writes it, or null where the plan names none',
  target: 'the target date exactly as the plan writes it, or null where the plan gives none',
  introduction: "the plan's introduction, word for word, or delete it if the plan has none",
};

/** The placeholder a text still holds, if any. */
export function placeholderIn(text: string): PlaceholderName | undefined {
  return (Object.keys(PLACEHOLDERS) as PlaceholderName[]).find((name) => text.includes(PLACEHOLDERS[name]));
}

/** A comment that marks a spot an editor must still check, as the importer and new-plan write it. */
export const CHECK_MARKER = '# CHECK:';
