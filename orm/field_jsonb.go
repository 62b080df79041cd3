package orm

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// Fields stored as jsonb maps: translated fields (language → text) and
// company-dependent fields (company id → value). Both keep the whole map
// as one cache value and resolve it for the env when read; see the essay
// in field_translate.go. This file holds what they share: the map type,
// its column type, its JSON codec and the load-before-write step; the
// flush of their changes is in field_jsonb_merge.go.

// jsonMap is the cache value of a jsonb-map field: the column decoded, key
// → cache value of the field's kind (nil for a JSON null). A nil jsonMap
// (or a nil cache value) is a NULL column. Maps in the cache are never
// changed in place: a write stores a new map.
type jsonMap map[string]any

// jsonKeyed reports whether the field's column is a jsonb map.
func (f *Field) jsonKeyed() bool { return f.column != "" && (f.Translate || f.CompanyDependent) }

// finishJSONB drops Translate on types that cannot be translated.
func (f *Field) finishJSONB() {
	if f.Translate && f.Type != TypeChar && f.Type != TypeText && f.Type != TypeHTML {
		f.Translate = false
	}
	if f.CompanyDependent && (f.Type.X2many() || f.Type == TypeBinary) {
		f.CompanyDependent = false
	}
}

// columnType is the SQL type of the field's column.
func (f *Field) columnType() string {
	if f.jsonKeyed() {
		return "jsonb"
	}
	return f.kind.sqlType(f)
}

// clone returns a copy of a jsonb cache value (a plain string stands for
// its en_US text), never nil.
func (f *Field) clone(v any) jsonMap {
	out := jsonMap{}
	switch x := v.(type) {
	case jsonMap:
		for k, y := range x {
			out[k] = y
		}
	case string:
		out[langDefault] = x
	}
	return out
}

// encodeMap is the JSON text of a jsonb cache value.
func (f *Field) encodeMap(v any) string {
	m := f.clone(v)
	out := make(map[string]any, len(m))
	for k, x := range m {
		out[k] = f.jsonValue(x)
	}
	b, err := json.Marshal(out)
	if err != nil {
		panic(fmt.Errorf("orm: %s: cannot encode %v: %w", f, v, err))
	}
	return string(b)
}

// jsonValue is a cache value as JSON sees it (dates as their text).
func (f *Field) jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return f.kind.text(f, x)
	case []byte:
		return string(x)
	}
	return v
}

// decodeMap turns a jsonb value (JSON text, or what pgx decoded) into a
// cache value: a jsonMap, nil for NULL.
func (f *Field) decodeMap(v any) any {
	var raw map[string]any
	switch x := v.(type) {
	case nil:
		return nil
	case map[string]any:
		raw = x
	case []byte:
		if err := json.Unmarshal(x, &raw); err != nil {
			return nil
		}
	case string:
		if err := json.Unmarshal([]byte(x), &raw); err != nil {
			return nil
		}
	default:
		return nil
	}
	if raw == nil {
		return nil
	}
	out := make(jsonMap, len(raw))
	for k, y := range raw {
		out[k] = f.fromJSON(y)
	}
	return out
}

// fromJSON converts one JSON value into a cache value of the field's kind.
func (f *Field) fromJSON(v any) any {
	if v == nil {
		return nil
	}
	switch f.Type {
	case TypeInteger, TypeMany2one:
		if x, ok := v.(float64); ok {
			return int64(x)
		}
	case TypeDate, TypeDatetime:
		if out, err := f.kind.convert(f, v); err == nil {
			return out
		}
	}
	return v
}

// decodeJSONB decodes a fetched jsonb (binary: a version byte, then the
// text) or json column.
func (f *Field) decodeJSONB(oid uint32, format int16, raw []byte) any {
	if raw == nil {
		return nil
	}
	if format == pgtype.BinaryFormatCode && oid == pgtype.JSONBOID && len(raw) > 0 {
		raw = raw[1:]
	}
	return f.decodeMap(raw)
}

// dbValue converts a value pgx scanned into a cache value.
func (f *Field) dbValue(v any) any {
	if f.jsonKeyed() {
		return f.decodeMap(v)
	}
	return f.kind.fromDB(f, v)
}

// sameMap compares two jsonb cache values.
func sameMap(a jsonMap, b any) bool {
	y, ok := b.(jsonMap)
	if !ok || len(a) != len(y) || (a == nil) != (y == nil) {
		return false
	}
	for k, v := range a {
		w, ok := y[k]
		if !ok || !sameValue(v, w) {
			return false
		}
	}
	return true
}

// contextValue resolves a jsonb field's cache value for r's env: the text
// in its language, or the value for its company. Values that are not maps
// (new records, computed values) are already resolved.
func (r Recordset) contextValue(f *Field, v any) any {
	if f.Translate {
		return r.env.translation(f, v)
	}
	return r.companyValue(f, v)
}

// loadMaps makes sure the cache holds f's whole map for ids before a write
// merges into it: the records lacking it are fetched, as superuser, by one
// query per PrefetchMax records.
func (r Recordset) loadMaps(f *Field, ids []int64) {
	c := r.env.tx.cache
	var lack []int64
	for _, id := range ids {
		if id > 0 && !c.has(f, id) {
			lack = append(lack, id)
		}
	}
	su := r.Sudo()
	fields := []*Field{r.model.Fields["id"], f}
	for len(lack) > 0 {
		n := min(len(lack), PrefetchMax)
		su.fetchRows(fields, lack[:n])
		lack = lack[n:]
	}
}

// writeMaps stores v (already converted) into f's map of each record, for
// the env's language or company, as dirty values whose change the flush
// merges into the rows (field_jsonb_merge.go).
func (r Recordset) writeMaps(f *Field, ids []int64, v any) {
	r.loadMaps(f, ids)
	d := r.writeDelta(f, v)
	for _, id := range ids {
		r.env.tx.cache.stageMap(f, id, d)
	}
}

// writeDelta is the change a write of v makes to f's maps:
//
//	translated, v nil     ⇔  clear (NULL: every language)
//	translated, lang L    ⇔  set L; en_US = v where the row has no en_US
//	company-dependent     ⇔  set env.Company()'s key
func (r Recordset) writeDelta(f *Field, v any) *jsonDelta {
	if !f.Translate {
		return &jsonDelta{set: jsonMap{r.env.companyKey(): v}}
	}
	if v == nil {
		return &jsonDelta{clear: true}
	}
	lang := r.env.checkLang(f)
	d := &jsonDelta{set: jsonMap{lang: v}}
	if lang != langDefault {
		d.fallback = jsonMap{langDefault: v}
	}
	return d
}

// newMap is the map a created record stores for a given value.
func (r Recordset) newMap(f *Field, v any) any {
	return r.writeDelta(f, v).apply(f, nil)
}

// columnSQL is the SQL value of jsonb-map field f whose column is col, for
// r's env: the text in its language, or the value for its company.
func (r Recordset) columnSQL(f *Field, col SQL) SQL {
	if f.Translate {
		return r.env.translatedSQL(f, col)
	}
	return r.companySQL(f, col)
}
