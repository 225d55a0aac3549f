// Whether this process runs in CI: CI services set CI, and anything but an explicit no counts.

export const inCi = (): boolean => !["", "0", "false"].includes((process.env["CI"] ?? "").trim().toLowerCase());
