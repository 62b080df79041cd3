// Package orm is the Odoo ORM in Go: models declared as data, recordsets,
// an environment per user and context, a per-transaction cache with
// prefetching and delayed writes, and search domains translated to SQL.
//
// # Models
//
// A model is a ModelDef: its name, its fields (built with Char, Integer,
// Many2one, ... and chained attribute setters), and Odoo's class attributes
// (Order, RecName, Inherit, Inherits, SQLConstraints, ...). Addons group
// models and data; a Registry resolves them, extensions and inheritance
// included:
//
//	reg, err := orm.NewRegistryFrom(addons) // addons in dependency order
//
// Field types follow Odoo's: Reference ("model,id") and Many2oneReference
// read as records; a Binary keeps its value in an ir.attachment row unless
// Attachment(false) gives it a bytea column; Image resizes and checks the
// images written; Html sanitizes its values (SanitizeHTML); Many2one and
// Many2many fields marked CheckCompany refuse records of another company
// on models with CheckCompanyAuto; AutoJoin searches through a JOIN.
//
// # Transactions and environments
//
// A Transaction is one PostgreSQL transaction with the ORM's cache; an Env
// sees it as a user, with a context:
//
//	conn, _ := orm.Connect(ctx, dsn)
//	tx, _ := orm.Begin(ctx, conn, reg, orm.TxOptions{})
//	env := tx.Env(orm.SuperuserID, nil)
//
// A Transaction, with every Env and Recordset made from it, serves one
// goroutine at a time, as a database cursor: its cache is not locked, and
// two goroutines using it at once corrupt the cache or crash. Code that
// starts goroutines gives each its own connection and transaction.
//
// # Recordsets
//
// env.Model("res.partner") is an empty recordset of the model. Search,
// Browse and Create return recordsets; Get, Str, Int, Rel read values (the
// whole prefetch set is loaded by one query); Write, Unlink and Copy change
// them. Writes wait in the cache until something needs them in the
// database (a search, a flush, a commit).
//
// # Translated and company-dependent fields
//
// Char("name").Translate() stores one text per language in a jsonb
// column; Get returns the text in the env's language (context "lang"),
// falling back to en_US, and Write changes that language only.
// UpdateFieldTranslations and GetFieldTranslations handle several
// languages at once. Integer("level").CompanyDependent() stores one value
// per company; Get returns env.Company()'s value, else the field's
// default. Searches and orders use the same values (field_translate.go,
// field_company.go).
//
// # Errors and savepoints
//
// Inside a unit of work, ORM calls panic with typed errors
// (*ValidationError, *UserError, *AccessError, *MissingError,
// *ConcurrencyError, *CancelledError) that name the model, field and value,
// as Odoo raises its exceptions. Code outside the ORM gets them back as
// errors at one of three boundaries:
//
//   - Run(ctx, env, fn) runs fn as a whole unit of work: it commits when fn
//     returns nil, rolls back and returns the error otherwise, and runs fn
//     again after a serialization failure or a deadlock (MaxRetries times,
//     the pause ended early when ctx is done). It takes no savepoint.
//   - env.Catch(f) runs f in a savepoint of env's transaction (Odoo's
//     "with env.cr.savepoint()"): an error rolls back what f did, clears the
//     cache and returns the error; the transaction goes on. It is the only
//     call that takes a savepoint for its caller. A *ConcurrencyError is not
//     caught: the snapshot is stale and the whole unit must run again.
//     In the shell and in scripts, orm.Catch(f) is the same call on the
//     session's transaction; in compiled code, which may hold several
//     transactions, orm.Catch refuses and env.Catch names the one meant.
//   - Try(f) returns the error f raised without a savepoint: after it the
//     transaction may be aborted, and the caller rolls back.
//
// The ORM takes savepoints of its own in three places only, and releases
// them before returning: reading a user's attribute for a record rule
// (a failing read leaves the rule's evaluation, not the transaction, in
// error), Why's evaluation of each rule, and Declare (a model declared at
// run time whose table cannot be made is undone). Create, Write, Unlink, constraints and flushes take
// none: a failed statement aborts the transaction until Catch's savepoint
// or a rollback. The shell runs each entry in a savepoint of its own.
package orm
