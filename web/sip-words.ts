/** The SIP's own codes in Swedish, as the families' app and the coordinator's workspace both say them. */
export const MEETING_KINDS: Record<string, string> = {
  FAMILY_PRE_MEETING: 'Förmöte med familjen',
  AGENCY_PRE_MEETING: 'Förmöte för personalen',
  SIP_MEETING: 'SIP-möte',
  FOLLOW_UP: 'Uppföljning',
};
