// Staff roles, lowest first: an operator serves customers and reviews what was read, a supervisor also
// decides what an operator escalates, an admin also manages accounts. Each role can do everything the roles
// before it can.
export const ROLES = ['operator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `required` or above it. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Who a record says served the customer when no staff account did. */
export const TRAINING_OPERATOR = 'training';
export const SELF_SERVICE_OPERATOR = 'self_service';
