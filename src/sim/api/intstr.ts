/** intstr.IntOrString helpers from apimachinery: counts or percentages such as maxSurge "25%". */
export type IntOrString = number | string;

/** The number in "25%", or undefined when the string is not a percentage (getIntOrPercentValue's parse). */
export function percentValue(value: string): number | undefined {
  const match = /^(\d+)%$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** intstr.GetScaledValueFromIntOrPercent: a count as is, a percentage of `total` rounded up or down. */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const percent = percentValue(value);
  if (percent === undefined) {
    const asInt = /^-?\d+$/.test(value) ? Number(value) : undefined;
    if (asInt !== undefined) return asInt;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
