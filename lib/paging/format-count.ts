// Counts as the panel writes them: "2,345", and a capped count with a plus ("10,000+").
export const formatCount = (n: number): string => n.toLocaleString('en-US');

export const formatCappedCount = (total: { count: number; capped: boolean }): string => `${formatCount(total.count)}${total.capped ? '+' : ''}`;
