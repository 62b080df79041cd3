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
// # Errors
//
// ORM calls panic with typed errors (*ValidationError, *UserError,
// *AccessError, *MissingError) that name the model, field and value. Catch
// and Env.Catch run code in a savepoint and return the error; Run commits
// or rolls back a whole unit of work.
package orm
