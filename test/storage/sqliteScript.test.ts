import { describe, expect, it } from 'vitest';
import { splitSqliteScript } from '../../core/storage/db/splitSqliteScript.ts';

describe('splitSqliteScript', () => {
  it('splits on semicolons that end statements and keeps comments with the next statement', () => {
    expect(
      splitSqliteScript(
        '-- CreateTable\nCREATE TABLE "A" ("id" TEXT);\n\n-- CreateIndex\nCREATE INDEX "A_id" ON "A"("id");\n',
      ),
    ).toEqual(['-- CreateTable\nCREATE TABLE "A" ("id" TEXT);', '-- CreateIndex\nCREATE INDEX "A_id" ON "A"("id");']);
  });

  it('ignores semicolons in strings, quoted names, brackets and comments', () => {
    const script = `CREATE TABLE "a;b" ("x" TEXT DEFAULT 'it''s; fine', [c;d] TEXT, \`e;f\` TEXT); /* ; */ -- ;\nSELECT 1`;
    expect(splitSqliteScript(script)).toEqual([
      `CREATE TABLE "a;b" ("x" TEXT DEFAULT 'it''s; fine', [c;d] TEXT, \`e;f\` TEXT);`,
      '/* ; */ -- ;\nSELECT 1',
    ]);
  });

  it('keeps a trigger body, CASE … END included, in one statement', () => {
    const trigger = `CREATE TEMP TRIGGER "t" AFTER INSERT ON "a" BEGIN UPDATE "a" SET "x" = CASE WHEN 1 THEN 'y' END; DELETE FROM "b"; END;`;
    expect(splitSqliteScript(`${trigger}\nDROP TABLE "c";`)).toEqual([trigger, 'DROP TABLE "c";']);
  });

  it('drops empty statements and trailing comments', () => {
    expect(splitSqliteScript(';;\n-- nothing here\n')).toEqual([]);
  });
});
