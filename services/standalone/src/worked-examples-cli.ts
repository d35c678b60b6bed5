import { parseArgs } from 'node:util';
import { renderWorkedExamples } from './demo/worked-examples-report.ts';

// `npm run examples`: the worked examples of the domain reference as the kernel computes them.
const { values } = parseArgs({ options: { lang: { type: 'string', default: 'fr' } } });
process.stdout.write(renderWorkedExamples(values.lang === 'en' ? 'en' : 'fr'));
