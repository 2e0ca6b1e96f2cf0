// The defaults stage's writes to the libxl_domain_config JSON while libxl's setdefault fills it in
// (the stage owns its copy). Reads go through model/domain-view.ts, as in every other stage.
import { defbool, isObject, type Json } from '../model/domain-view';

export type { Json } from '../model/domain-view';

/** The object under `key`, created (and attached) when absent. */
export function child(parent: Json, key: string): Json {
  const v = parent[key];
  if (isObject(v)) return v;
  const created: Json = {};
  parent[key] = created;
  return created;
}

export function setDefbool(o: Json, key: string, value: boolean): void {
  o[key] = value ? 'True' : 'False';
}

/** libxl_defbool_setdefault. */
export function defboolDefault(o: Json, key: string, value: boolean): void {
  if (defbool(o, key) === undefined) setDefbool(o, key, value);
}

/** A deep copy of plain JSON data, so that defaulting never mutates the caller's object. */
export function cloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
