/** Fixed ids of the demo's SIPs and consents, so the consents, the SIPs and the README can refer to each other. */
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const demoConsentId = (n: number) => uuid('33333333', n);
export const demoSipId = (n: number) => uuid('44444444', n);
export const demoParticipantId = (sip: number, n: number) => uuid('55555555', sip * 100 + n);
