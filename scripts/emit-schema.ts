/** `npm run schema:emit`: writes schema/schema.graphql from the code (a test fails on drift). */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printSdl } from '../src/core/graphql/schema';

void printSdl().then((sdl) => {
  writeFileSync('schema/schema.graphql', sdl);
  console.log('schema/schema.graphql written');
});
