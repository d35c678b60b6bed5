import { ok } from '@hotline/domain';

console.log(ok('placeholder'));
