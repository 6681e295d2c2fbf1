/**
 * One vocabulary for what the graph's codes are called: each agency's and each information
 * category's entry (agencies.ts, scopes.ts) carries its words in both languages, so a code without
 * a name in either is a type error, not a blank in someone's app.
 */
export type Language = 'en' | 'sv';

/** English for the schema and the graph's messages; Swedish for the apps, the console and the plan's copies. */
export type Words = Record<Language, string>;
