/** Kept equal to package.json's version by a unit test (the bundle cannot read package.json). */
export const productVersion = '0.1.0';
