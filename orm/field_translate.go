package orm

// Translated fields.
//
// A Char, Text or Html field declared with Translate() keeps every
// language's text in one jsonb column, as Odoo 16+:
//
//	{"en_US": "Belgium", "fr_FR": "Belgique"}
//
// en_US is the source: it always has a value unless the column is NULL
// (the field is empty in every language). A language without its own key
// follows en_US.
//
// Storage and cache. The cache keeps the whole column of a record as one
// value (a jsonMap), fetched with the record's other columns, and Get
// resolves it for the env's language (context "lang", en_US when unset):
// the language's text, else en_US's, else empty. Reading the field in two
// languages in one transaction therefore costs one fetch, and the two
// readings cannot mix: each picks its key from the same map. Maps in the
// cache are never changed in place.
//
// Writing. A write in language L loads the maps of the records that lack
// them (one query per batch, as superuser), then stores for each record a
// new map: L set, and en_US too when it had no value yet (create in L
// stores en_US and L). Writing in en_US sets en_US only. Writing False or
// None stores NULL: every language is cleared; '' is a translation like
// any other. UpdateFieldTranslations sets or removes several languages at
// once. The flush sends only the languages written, merged into the row
// by the server, en_US rule included (field_jsonb_merge.go): two
// transactions writing two languages of a record both keep theirs.
//
// Searching and ordering use the env's language with the en_US fallback,
// COALESCE(col->>lang, col->>'en_US'), the language bound as a parameter,
// under every operator; FilteredDomain reads through the cache and so
// sees the same values.
//
// Languages. A language other than en_US must be an active res.lang: a
// read, write or search of a translated field in any other language
// raises a UserError naming it and the field (the active codes are read
// once per transaction).

import (
	"fmt"
	"sort"
)

// langDefault is the source language of translated fields.
const langDefault = "en_US"

// translation resolves a translated cache value for the env's language.
func (e *Env) translation(f *Field, v any) any {
	m, ok := v.(jsonMap)
	if !ok {
		return v
	}
	if s, ok := m[e.checkLang(f)]; ok && s != nil {
		return s
	}
	return m[langDefault]
}

// checkLang returns the env's language, panicking with a UserError naming
// the language and field f when it is not an active language.
func (e *Env) checkLang(f *Field) string {
	lang := e.Lang()
	if lang == langDefault {
		return lang
	}
	if !e.tx.activeLangs()[lang] { // technical or malformed codes are never active
		panic(langErr(f, lang))
	}
	return lang
}

func langErr(f *Field, lang string) *UserError {
	return &UserError{ErrorInfo{Model: f.Model.Name, Field: f.Name, Value: lang, HasValue: true,
		Msg: fmt.Sprintf("invalid language code %q: not an active language", lang)}}
}

// activeLangs returns the codes of the active languages, read once per
// transaction (forgotten when res.lang changes).
func (tx *Transaction) activeLangs() map[string]bool {
	if tx.langs != nil {
		return tx.langs
	}
	langs := map[string]bool{langDefault: true}
	if m := tx.reg.models["res.lang"]; m != nil && m.Fields["code"] != nil && m.Fields["active"] != nil {
		tx.flushModel(m)
		tx.querySQL(SQLf("SELECT code FROM %s WHERE active", Ident(m.Table)), func(rows pgxRows) error {
			var code string
			err := rows.Scan(&code)
			langs[code] = true
			return err
		})
	}
	tx.langs = langs
	return langs
}

// translatedSQL is the value of a translated column in the env's
// language, falling back to en_US.
func (e *Env) translatedSQL(f *Field, col SQL) SQL {
	lang := e.checkLang(f)
	if lang == langDefault {
		return SQLf("(%s->>'en_US')", col)
	}
	return SQLf("COALESCE(%s->>%s::text, %s->>'en_US')", col, lang, col)
}

// UpdateFieldTranslations sets the translations of a translated field on
// every record of r: each language of translations gets its text (a
// string); nil or false removes the language's own text (it then follows
// en_US), except for en_US, which is never removed (nil is ignored).
// Languages must be active; a record whose field is empty gets the first
// text as en_US too. The values wait in the cache like a Write.
func (r Recordset) UpdateFieldTranslations(field string, translations map[string]any) {
	r.check()
	f := r.translatedField(field)
	if len(r.idList()) == 0 || len(translations) == 0 {
		return
	}
	langs := r.checkedLangs(f, translations)
	r.checkAccess("write")
	r.ensureExist()
	r.checkRules("write")
	ids := dedup(r.idList())
	r.loadMaps(f, ids)
	d := translationsDelta(langs, translations)
	for _, id := range ids {
		r.env.tx.cache.stageMap(f, id, d)
	}
	r.afterWrite(map[*Field]any{f: nil}, ids)
}

// translationsDelta is the change UpdateFieldTranslations makes, languages
// in order (en_US first): each text set, each nil removed (but en_US's),
// and the first text as en_US where the row has none.
func translationsDelta(langs []string, translations map[string]any) *jsonDelta {
	d := &jsonDelta{set: jsonMap{}, del: map[string]bool{}}
	for _, lang := range langs {
		v := translations[lang]
		switch {
		case v != nil:
			d.set[lang] = v
			if d.fallback == nil {
				d.fallback = jsonMap{langDefault: v}
			}
		case lang != langDefault:
			d.del[lang] = true
		}
	}
	return d
}

// checkedLangs validates the languages and texts of translations, which
// it converts in place (false → nil), and returns the languages sorted,
// en_US first.
func (r Recordset) checkedLangs(f *Field, translations map[string]any) []string {
	active := r.env.tx.activeLangs()
	langs := make([]string, 0, len(translations))
	for lang, v := range translations {
		if !active[lang] {
			panic(langErr(f, lang))
		}
		translations[lang] = f.convertValue(v)
		langs = append(langs, lang)
	}
	sort.Slice(langs, func(i, j int) bool {
		if (langs[i] == langDefault) != (langs[j] == langDefault) {
			return langs[i] == langDefault
		}
		return langs[i] < langs[j]
	})
	return langs
}

// GetFieldTranslations returns the texts a single record stores for a
// translated field, by language (en_US included; languages without their
// own text are absent); nil when the field is empty.
func (r Recordset) GetFieldTranslations(field string) map[string]string {
	r.check()
	f := r.translatedField(field)
	r.EnsureOne()
	r.checkFieldAccess(f)
	id := r.idList()[0]
	r.rawValue(f, id)
	v, _ := r.env.tx.cache.get(f, id)
	if v == nil {
		return nil
	}
	out := map[string]string{}
	for lang, s := range f.clone(v) {
		if t, ok := s.(string); ok {
			out[lang] = t
		}
	}
	return out
}

// translatedField returns the stored translated field named name.
func (r Recordset) translatedField(name string) *Field {
	f := r.model.mustField(name)
	if !f.Translate || f.column == "" {
		panic(fieldErr(r.model.Name, name, "%q is not a stored translated field", name))
	}
	return f
}

// copyTranslations gives each copy every translation of its original for
// the translated fields Copy duplicates (not those def overrides).
func (r Recordset) copyTranslations(copies Recordset, def Values) {
	c := r.env.tx.cache
	for _, f := range r.model.FieldList {
		if _, given := def[f.Name]; given || !f.Translate || !f.Copy || f.IsComputed() || !f.jsonKeyed() {
			continue
		}
		for i, rec := range r.Records() {
			v, _ := c.get(f, rec.idList()[0])
			if src, ok := v.(jsonMap); ok && src != nil {
				c.setDirty(f, copies.idList()[i], f.clone(src))
			}
		}
	}
}
