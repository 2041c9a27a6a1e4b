// The demo users of one tenant, and what happens to them during the demo period.
import type { DemoProfile, DemoTenant } from './demo-tenants';
import type { Random } from './random';

const FIRST_NAMES = ['Jane', 'John', 'Maria', 'Wei', 'Olga', 'Ahmed', 'Lucia', 'Kenji', 'Priya', 'Tom', 'Ana', 'Liam', 'Noor', 'Mateo', 'Emma', 'Yuki', 'Chloé', 'Björn', 'Fatima', 'Diego', 'Sofia', 'Ivan', 'Grace', 'Omar'];
const LAST_NAMES = ['Roe', 'Smith', 'Garcia', 'Chen', 'Ivanova', 'Haddad', 'Rossi', 'Tanaka', 'Patel', 'Brown', 'Silva', 'Murphy', 'Khan', 'Lopez', 'Müller', 'Sato', 'Dubois', 'Larsen', 'Nguyen', 'Kowalski', "O'Brien", 'Novak', 'Okafor', 'Fischer'];

export type DemoPersona =
  // Syncs as usual.
  | { kind: 'active' }
  // An admin switched the user off at `at`: no sessions after it.
  | { kind: 'disabled-by-admin'; at: Date }
  // The engine reported an error at `at` and every session after it fails: "Disabled due to an error".
  | { kind: 'failing'; at: Date; reason: string; category: string; source: 'crm' | 'mail_server' }
  // Failed at `errorAt`, an admin enabled the user again at `enabledAt`: Enabled, error hidden.
  | { kind: 'recovered'; errorAt: Date; enabledAt: Date; reason: string };

export interface DemoUser {
  index: number;
  email: string;
  name: string;
  profile: DemoProfile;
  persona: DemoPersona;
}

const FAILURES = [
  { reason: 'Mailbox rejected the credentials (401 Unauthorized)', category: 'Authorization', source: 'mail_server' },
  { reason: 'Salesforce session expired or invalid (INVALID_SESSION_ID)', category: 'Authorization', source: 'crm' },
  { reason: 'Salesforce API request limit exceeded (REQUEST_LIMIT_EXCEEDED)', category: 'Throttling', source: 'crm' },
  { reason: 'Mail server unreachable: connection timed out', category: 'Connectivity', source: 'mail_server' },
] as const;

function pickProfile(profiles: DemoProfile[], random: Random): DemoProfile {
  return random.weighted(profiles.map((p) => [p, p.weight] as const));
}

export function planDemoUsers(tenant: DemoTenant, random: Random, startAt: Date, endAt: Date): DemoUser[] {
  const span = endAt.getTime() - startAt.getTime();
  const at = (fraction: number) => new Date(startAt.getTime() + Math.floor(span * fraction));
  const taken = new Set<string>();
  const planned: DemoUser[] = [];
  for (let index = 0; index < tenant.users; index++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
    let email = `${local}@${tenant.domain}`;
    for (let n = 2; taken.has(email); n++) email = `${local}${n}@${tenant.domain}`;
    taken.add(email);
    // The first users of a tenant cover every persona, so even small tenants show them all.
    const roll = index < 4 ? [0.5, 0.95, 0.99, 0.975][index]! : random.next();
    let persona: DemoPersona = { kind: 'active' };
    if (roll > 0.98) {
      const errorAt = at(0.35 + random.next() * 0.2);
      persona = { kind: 'recovered', errorAt, enabledAt: new Date(errorAt.getTime() + random.int(2, 30) * 3_600_000), reason: random.pick(FAILURES).reason };
    } else if (roll > 0.96) {
      persona = { kind: 'disabled-by-admin', at: at(0.2 + random.next() * 0.7) };
    } else if (roll > 0.93) {
      const failure = random.pick(FAILURES);
      persona = { kind: 'failing', at: at(0.8 + random.next() * 0.18), ...failure };
    }
    planned.push({ index, email, name: `${first} ${last}`, profile: pickProfile(tenant.profiles, random), persona });
  }
  return planned;
}
