// Every String input of the schema (arguments and input-object fields alike) is checked
// for control characters, so no field can be added that lets a NUL reach PostgreSQL
// (which fails the whole statement) or a control character reach a reply or an export.
import SchemaBuilder, {
  BasePlugin,
  unwrapInputFieldType,
  type PothosInputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import { plainText } from './validators.ts';

const VALIDATION = '@pothos/plugin-validation';

/** Field extension of a String input that checks its text itself: `{ [OWN_CHECK]: true }`. */
export const OWN_CHECK = 'checksTextItself';

interface ValidationExtension {
  schemas?: StandardSchemaV1[];
}

export class PlainTextPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onInputFieldConfig(
    fieldConfig: PothosInputFieldConfig<Types>,
  ): PothosInputFieldConfig<Types> {
    const type = unwrapInputFieldType(fieldConfig.type);
    if (this.buildCache.getTypeConfig(type).name !== 'String') return fieldConfig;
    const extensions = fieldConfig.extensions ?? {};
    // A field whose resolver checks each string itself and reports it on its own (the
    // rows of an import: one bad cell must not refuse the whole file) opts out.
    if (extensions[OWN_CHECK] === true) return fieldConfig;
    // The validation plugin reads schemas that earlier plugins left in this extension.
    const existing = (extensions[VALIDATION] ?? {}) as ValidationExtension;
    return {
      ...fieldConfig,
      extensions: {
        ...extensions,
        [VALIDATION]: { ...existing, schemas: [...(existing.schemas ?? []), plainText] },
      },
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      plainText: PlainTextPlugin<Types>;
    }
  }
}

const pluginName = 'plainText';
SchemaBuilder.registerPlugin(pluginName, PlainTextPlugin);
export default pluginName;
