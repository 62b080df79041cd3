package repl

// The Odoo → odsh phrasebook.
//
// One table says how each Odoo (Python) spelling is written in the shell.
// It is used three ways, so they never disagree:
//
//   - :doc python prints it;
//   - a failed entry that uses an Odoo attribute on a recordset or an env
//     (rs.write(…), rs.search_count(…), env.uid) gets the Go spelling of
//     its row as a hint (session_hints.go), and the syntax habits
//     (rs[0], if rs, a dict literal, …) name their row too;
//   - :doc shows the Odoo name of a Go name beside it (the rows whose Doc
//     is that name).

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// A phrase is one row of the phrasebook.
type phrase struct {
	// Odoo is the Python spelling, Go the shell's.
	Odoo, Go string
	// Doc is the :doc key of the Go name ("orm.Recordset.Write"), "" for
	// syntax.
	Doc string
	// Attr is the Python attribute the row translates, on a recordset or
	// an env as Doc says ("write", "uid"); "" when the row is not an
	// attribute.
	Attr string
}

// recordsetAttr and envAttr are rows for an attribute of a recordset or of
// an env: Odoo's name, the Go call, its doc key.
func recordsetAttr(odoo, goCall, method string) phrase {
	return phrase{Odoo: odoo, Go: goCall, Doc: "orm.Recordset." + method, Attr: attrOf(odoo)}
}

func envAttr(odoo, goCall, method string) phrase {
	return phrase{Odoo: odoo, Go: goCall, Doc: "orm.Env." + method, Attr: attrOf(odoo)}
}

// attrOf is the attribute of "records.write(vals)": "write".
func attrOf(odoo string) string {
	_, attr, _ := strings.Cut(odoo, ".")
	if i := strings.IndexAny(attr, "(.["); i >= 0 {
		attr = attr[:i]
	}
	return attr
}

// Syntax rows that hint rules name (session_hints.go).
var (
	phraseModel    = phrase{Odoo: "env['res.partner']", Go: `env.Model("res.partner")`, Doc: "orm.Env.Model"}
	phraseIndex    = phrase{Odoo: "records[0], records[-1]", Go: "rs.At(0), rs.At(-1)", Doc: "orm.Recordset.At"}
	phraseSlice    = phrase{Odoo: "records[:3]", Go: "rs.Slice(0, 3)", Doc: "orm.Recordset.Slice"}
	phraseLen      = phrase{Odoo: "len(records)", Go: "rs.Len()", Doc: "orm.Recordset.Len"}
	phraseRange    = phrase{Odoo: "for rec in records:", Go: "for _, rec := range rs.Records() {", Doc: "orm.Recordset.Records"}
	phraseGet      = phrase{Odoo: "rec.name, rec.partner_id.name", Go: `rec.Get("name"), rec.Str("partner_id.name")`, Doc: "orm.Recordset.Get"}
	phraseSet      = phrase{Odoo: "rec.name = 'x'", Go: `rec.Set("name", "x")`, Doc: "orm.Recordset.Set"}
	phraseTruth    = phrase{Odoo: "if records:", Go: "if !rs.IsEmpty() {", Doc: "orm.Recordset.IsEmpty"}
	phraseNotTruth = phrase{Odoo: "if not records:", Go: "if rs.IsEmpty() {", Doc: "orm.Recordset.IsEmpty"}
	phraseEqual    = phrase{Odoo: "records == others", Go: "rs.Equal(others)", Doc: "orm.Recordset.Equal"}
	phraseIn       = phrase{Odoo: "rec in records", Go: "rs.Contains(rec)", Doc: "orm.Recordset.Contains"}
	phraseDict     = phrase{Odoo: "{'name': 'x'}", Go: `orm.Values{"name": "x"}`, Doc: "orm.Values"}
	phraseDomain   = phrase{Odoo: "[('name', 'ilike', 'a')]", Go: `"[('name', 'ilike', 'a')]"  (Odoo's text in a Go string)`, Doc: "orm.Recordset.Search"}
	phraseKwargs   = phrase{Odoo: "search(d, limit=5, offset=10, order='name')", Go: `Search(d, orm.Limit(5), orm.Offset(10), orm.Order("name"))`, Doc: "orm.Limit"}
	phraseContext  = phrase{Odoo: "with_context(active_test=False)", Go: `WithContext(orm.Ctx{"active_test": false})`, Doc: "orm.Recordset.WithContext"}
	phraseBrowse   = phrase{Odoo: "browse(n)  (n an int)", Go: "rs.BrowseInts(n), or rs.Browse(int64(n))", Doc: "orm.Recordset.BrowseInts"}
	phraseConsts   = phrase{Odoo: "True, False, None", Go: "true, false, nil"}
	phraseLambda   = phrase{Odoo: "filtered(lambda r: r.active)", Go: `Filtered(func(r orm.Recordset) bool { return r.Bool("active") })`, Doc: "orm.Recordset.Filtered"}
)

// phrasebook is the table, in the order :doc python prints it.
var phrasebook = []phrase{
	phraseModel,
	envAttr("env.ref('base.main_company')", `env.Ref("base.main_company")`, "Ref"),
	envAttr("env.uid", "env.UID()", "UID"),
	envAttr("env.user", "env.User()", "User"),
	envAttr("env.company", "env.Company()", "Company"),
	envAttr("env.companies", "env.Companies()", "Companies"),
	envAttr("env.context", "env.Context()", "Context"),
	envAttr("env.lang", "env.Lang()", "Lang"),
	envAttr("env.su", "env.Su()", "Su"),
	envAttr("env.cr", "env.Cr()", "Cr"),
	envAttr("env.registry", "env.Registry()", "Registry"),
	envAttr("env.flush_all()", "env.FlushAll()", "FlushAll"),
	envAttr("env.invalidate_all()", "env.InvalidateAll()", "InvalidateAll"),
	envAttr("env.with_context(…)", "env.WithContext(orm.Ctx{…})", "WithContext"),
	envAttr("env.with_user(user)", "env.WithUser(user)", "WithUser"),
	envAttr("env.with_company(c)", "env.WithCompany(c)", "WithCompany"),
	envAttr("env.sudo()", "env.Sudo()", "Sudo"),
	envAttr("env.user.has_group(xmlid)", "env.HasGroup(xmlid)", "HasGroup"),
	{Odoo: "env.cr.execute(query, params)", Go: `sql(query, args...), or env.Cr().Execute(orm.SQLf(query, args...))`, Doc: "orm.Cursor.Execute"},
	{Odoo: "env.cr.commit()", Go: "env.Commit(), or :commit", Doc: "orm.Env.Commit"},
	{Odoo: "env.cr.rollback()", Go: "env.Rollback(), or :rollback", Doc: "orm.Env.Rollback"},
	{Odoo: "with env.cr.savepoint(): …", Go: "err := env.Catch(func() { … })", Doc: "orm.Env.Catch"},
	recordsetAttr("records.search(domain)", `rs.Search("[…]")`, "Search"),
	recordsetAttr("records.search_count(domain)", `rs.SearchCount("[…]")`, "SearchCount"),
	recordsetAttr("records.search_fetch(domain, fields)", `rs.SearchFetch("[…]", []string{…})`, "SearchFetch"),
	recordsetAttr("records.search_read(domain, fields)", `rs.SearchRead("[…]", []string{…})`, "SearchRead"),
	recordsetAttr("records.name_search(name)", `rs.NameSearch(name, nil, "ilike", 100)`, "NameSearch"),
	recordsetAttr("records.browse(ids)", "rs.Browse(ids...)", "Browse"),
	recordsetAttr("records.create({…})", "rs.Create(orm.Values{…})", "Create"),
	recordsetAttr("records.write({…})", "rs.Write(orm.Values{…})", "Write"),
	recordsetAttr("records.unlink()", "rs.Unlink()", "Unlink"),
	recordsetAttr("records.copy(default)", "rs.Copy(orm.Values{…}), rs.Copy(nil)", "Copy"),
	recordsetAttr("records.copy_data(default)", "rs.CopyData(orm.Values{…})", "CopyData"),
	recordsetAttr("records.default_get(fields)", "rs.DefaultGet(fields...)", "DefaultGet"),
	recordsetAttr("records.name_create(name)", "rs.NameCreate(name)", "NameCreate"),
	recordsetAttr("records.new({…})", "rs.New(orm.Values{…})", "New"),
	recordsetAttr("records.read(fields)", `rs.Read("name", …)`, "Read"),
	recordsetAttr("records.fetch(fields)", `rs.Fetch("name", …)`, "Fetch"),
	recordsetAttr("records.read_group(domain, fields, groupby)", `rs.ReadGroup("[…]", []string{…}, []string{…})`, "ReadGroup"),
	recordsetAttr("records.grouped(key)", `rs.Grouped("field")`, "Grouped"),
	recordsetAttr("records.mapped('name')", `rs.Mapped("name")`, "Mapped"),
	recordsetAttr("records.filtered('active')", `rs.Filtered("active")`, "Filtered"),
	recordsetAttr("records.filtered_domain(domain)", `rs.FilteredDomain("[…]")`, "FilteredDomain"),
	recordsetAttr("records.sorted('name', reverse=True)", `rs.Sorted("name desc")`, "Sorted"),
	recordsetAttr("records.exists()", "rs.Exists()", "Exists"),
	recordsetAttr("records.ensure_one()", "rs.EnsureOne()", "EnsureOne"),
	recordsetAttr("records.sudo()", "rs.Sudo()", "Sudo"),
	recordsetAttr("records.with_context(…)", "rs.WithContext(orm.Ctx{…})", "WithContext"),
	recordsetAttr("records.with_user(user)", "rs.WithUser(user)", "WithUser"),
	recordsetAttr("records.with_company(c)", "rs.WithCompany(c)", "WithCompany"),
	recordsetAttr("records.with_env(env)", "rs.WithEnv(env)", "WithEnv"),
	recordsetAttr("records.with_prefetch(ids)", "rs.WithPrefetch(ids...)", "WithPrefetch"),
	recordsetAttr("records.ids", "rs.IDs()", "IDs"),
	recordsetAttr("records.id", "rs.ID()", "ID"),
	recordsetAttr("records.env", "rs.Env()", "Env"),
	recordsetAttr("records._name", "rs.ModelName()", "ModelName"),
	recordsetAttr("records.display_name", "rs.DisplayName()", "DisplayName"),
	recordsetAttr("records._origin", "rs.Origin()", "Origin"),
	recordsetAttr("records.action_archive()", "rs.ActionArchive()", "ActionArchive"),
	recordsetAttr("records.action_unarchive()", "rs.ActionUnarchive()", "ActionUnarchive"),
	recordsetAttr("records.toggle_active()", "rs.ToggleActive()", "ToggleActive"),
	recordsetAttr("records.flush_model(fields)", "rs.FlushModel(fields...)", "FlushModel"),
	recordsetAttr("records.flush_recordset(fields)", "rs.FlushRecordset(fields...)", "FlushRecordset"),
	recordsetAttr("records.invalidate_model(fields)", "rs.InvalidateModel(fields...)", "InvalidateModel"),
	recordsetAttr("records.invalidate_recordset(fields)", "rs.InvalidateRecordset(fields...)", "InvalidateRecordset"),
	recordsetAttr("records.modified(fields)", "rs.Modified(fields...)", "Modified"),
	recordsetAttr("records.check_company(fields)", "rs.CheckCompany(fields...)", "CheckCompany"),
	recordsetAttr("records.onchange(values, field)", "rs.Onchange(orm.Values{…}, field)", "Onchange"),
	recordsetAttr("records.update_field_translations(f, t)", "rs.UpdateFieldTranslations(f, t)", "UpdateFieldTranslations"),
	recordsetAttr("records.get_field_translations(f)", "rs.GetFieldTranslations(f)", "GetFieldTranslations"),
	recordsetAttr("records._parent_store_compute()", "rs.ParentStoreCompute()", "ParentStoreCompute"),
	recordsetAttr("records.concat(others)", "rs.Concat(others)", "Concat"),
	recordsetAttr("records.union(others)", "rs.Union(others)", "Union"),
	recordsetAttr("records.issubset(others)", "rs.IsSubset(others)", "IsSubset"),
	phraseIndex, phraseSlice, phraseLen, phraseRange,
	phraseGet, phraseSet,
	{Odoo: "rec.partner_id (a record)", Go: `rec.Rel("partner_id")`, Doc: "orm.Recordset.Rel"},
	{Odoo: "rec.name (typed)", Go: `rec.Str("name"), rec.Int, rec.Float, rec.Bool, rec.Time`, Doc: "orm.Recordset.Str"},
	phraseTruth, phraseNotTruth, phraseEqual, phraseIn,
	{Odoo: "records | others", Go: "rs.Union(others)", Doc: "orm.Recordset.Union"},
	{Odoo: "records & others", Go: "rs.Intersect(others)", Doc: "orm.Recordset.Intersect"},
	{Odoo: "records - others", Go: "rs.Subtract(others)", Doc: "orm.Recordset.Subtract"},
	{Odoo: "records + others", Go: "rs.Concat(others)", Doc: "orm.Recordset.Concat"},
	{Odoo: "records <= others", Go: "rs.IsSubset(others)", Doc: "orm.Recordset.IsSubset"},
	phraseDict, phraseDomain, phraseKwargs, phraseContext, phraseBrowse, phraseLambda,
	{Odoo: "Command.create({…})", Go: "orm.Command.Create(orm.Values{…})", Doc: "orm.Commands.Create"},
	{Odoo: "Command.update(id, {…})", Go: "orm.Command.Update(id, orm.Values{…})", Doc: "orm.Commands.Update"},
	{Odoo: "Command.delete(id)", Go: "orm.Command.Delete(id)", Doc: "orm.Commands.Delete"},
	{Odoo: "Command.unlink(id)", Go: "orm.Command.Unlink(id)", Doc: "orm.Commands.Unlink"},
	{Odoo: "Command.link(id), (4, id)", Go: "orm.Command.Link(id)", Doc: "orm.Commands.Link"},
	{Odoo: "Command.clear()", Go: "orm.Command.Clear()", Doc: "orm.Commands.Clear"},
	{Odoo: "Command.set(ids), (6, 0, ids)", Go: "orm.Command.Set(ids...)", Doc: "orm.Commands.Set"},
	{Odoo: "SQL('… %s', x)", Go: `orm.SQLf("… %s", x)`, Doc: "orm.SQLf"},
	{Odoo: "SQL.identifier(name)", Go: "orm.Ident(name)", Doc: "orm.Ident"},
	{Odoo: "raise UserError(msg)", Go: "panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: msg}})", Doc: "orm.UserError"},
	{Odoo: "except ValidationError as e:", Go: "var ve *orm.ValidationError; errors.As(err, &ve)", Doc: "orm.ValidationError"},
	{Odoo: "fields.Date.today()", Go: "orm.Today()", Doc: "orm.Today"},
	{Odoo: "fields.Datetime.now()", Go: "orm.Now()", Doc: "orm.Now"},
	phraseConsts,
}

// attrPhrase returns the row of a Python attribute of a recordset (env
// false) or an env.
func attrPhrase(attr string, env bool) (phrase, bool) {
	scope := "orm.Recordset."
	if env {
		scope = "orm.Env."
	}
	for _, p := range phrasebook {
		if p.Attr == attr && strings.HasPrefix(p.Doc, scope) {
			return p, true
		}
	}
	return phrase{}, false
}

// method is the Go method a row's Doc names ("Write").
func (p phrase) method() string { return p.Doc[strings.LastIndexByte(p.Doc, '.')+1:] }

// isCall says whether the Odoo spelling is a call (write(…)) rather than
// a property (ids).
func (p phrase) isCall() bool { return strings.Contains(p.Odoo, "(") }

// odooNames returns the Odoo spellings of the rows documenting key.
func odooNames(key string) []string {
	var out []string
	for _, p := range phrasebook {
		if p.Doc == key {
			out = append(out, p.Odoo)
		}
	}
	return out
}

// writePhrasebook prints the table for :doc python.
func writePhrasebook(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Odoo\todsh")
	for _, p := range phrasebook {
		fmt.Fprintf(tw, "%s\t%s\n", p.Odoo, p.Go)
	}
	tw.Flush()
	fmt.Fprintln(w, "(:doc NAME shows one of them, e.g. :doc write)")
}
