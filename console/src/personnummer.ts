/** The same checks as the graph's, so that a mistake is pointed out before anything is logged. */
export function personnummerProblem(value: string): string | null {
  const match = /^(\d{2})?(\d{6})[-+]?(\d{4})$/.exec(value.trim());
  if (!match) return 'skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN';
  const digits = match[2] + match[3];
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]) ? null : 'kontrollsiffran stämmer inte';
}
