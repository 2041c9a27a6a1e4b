// The Administration navigation. A link is listed only once its page exists.
export interface NavigationItem {
  href: string;
  label: string;
}

export const ADMINISTRATION_ITEMS: NavigationItem[] = [];
