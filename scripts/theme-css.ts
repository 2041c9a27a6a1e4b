// npm run theme:css — writes app/theme-variables.css from the theme (components/theme-variables.ts).
import fs from 'node:fs';
import { themeVariablesCss } from '@/components/theme-variables';

fs.writeFileSync('app/theme-variables.css', themeVariablesCss());
console.log('app/theme-variables.css written');
