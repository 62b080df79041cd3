// Package shell is the odsh command line for any set of addons: an
// interactive shell on the odsh ORM, where Go statements run against a
// live env as Odoo's `odoo shell` runs Python, plus scripts, the install
// and upgrade of the addons, their demo data, and the course (learn).
// cmd/odsh is one such command; an application builds its own by handing
// Main its addons:
//
//	func main() {
//		os.Exit(shell.Main(shell.Config{
//			Name:   "libsh",
//			Addons: []*orm.Addon{library.Addon}, // base is implied
//			Demo:   map[string]shell.DemoLoader{"library": library.LoadDemo},
//		}))
//	}
//
// Config.Name stands for odsh below: in messages ("libsh: ..."), the
// default database and the prompt, $LIBSH_DB, the application_name, and
// the data directories (~/.local/share/libsh, or /var/lib/libsh for root;
// ~/.local/state/libsh/history; ~/.config/libsh/init.go). --addons
// defaults to Config.Default, else to every addon of the Config. The
// shell needs no generated code for an application's models: completion,
// :doc, :fields and the printer read them from the registry.
//
// # Command line
//
//	odsh [flags]                  interactive shell
//	odsh [flags] FILE...          run script files in order, in one transaction
//	odsh [flags] -c 'CODE'        run CODE, print the value of its last expression
//	cat FILE | odsh [flags]       standard input that is not a terminal is a script
//
// # Flags
//
//	--db DSN        a PostgreSQL connection string (also $ODSH_DB); the database
//	                is created if the server allows and it does not exist
//	-d NAME         database name in the private cluster (default odsh), kept in
//	                ~/.local/share/odsh (pglocal.Dir)
//	--ephemeral     a throwaway private cluster and database, removed at exit
//	--addons LIST   addons to install or upgrade (default base,connector,demo);
//	                dependencies are added
//	--demo SIZE     demo data when an addon with a loader (Config.Demo; odsh's
//	                demo addon) is first installed: none, small (default), large
//	--commit        commit at the end of a script run (otherwise it rolls back)
//	--user LOGIN    run as this user instead of the superuser
//	--sql           log every SQL statement with its duration on stderr
//	--read-only     run in a read-only transaction (BEGIN READ ONLY) and write
//	                nothing at start-up: out-of-date addons are reported
//	--install       install odsh's addons into a database that is neither
//	                odsh's nor Odoo's (refused otherwise)
//	--write         Odoo mode: a read-write transaction in which Write may
//	                change stored fields no stored computed field depends on
//	--retry N       run a script again, up to N times, when another
//	                transaction changed the same rows (see Scripts)
//
// --db wins over $ODSH_DB; -d or --ephemeral, given explicitly, mean the
// private cluster and win over $ODSH_DB. --db with -d or with --ephemeral
// is a usage error, as is a -d name PostgreSQL would truncate (over 63
// bytes). Any other name is used as is: it is quoted where needed. A --db
// server that does not answer fails after 5 seconds unless the DSN sets
// connect_timeout; a database that cannot be reached or created is one line
// on stderr, with status 2.
//
// odsh installs its addons only into an empty database or one it created
// (it marks those with a table odsh_database). A database with Odoo's
// reflection tables opens in Odoo mode: its registry is read from
// ir_model and ir_model_fields, the session is READ ONLY unless --write,
// and records are never created or deleted; :why MODEL ID [LOGIN] says
// which access line or record rule lets a user read or write a record.
// Any other database is refused with one line (status 2).
//
// The connection's application_name is odsh (Config.Name). A new database gets the addons
// installed, and their demo data loaded, in one committed transaction;
// progress is printed on stderr when it takes more than a second. On an
// existing database whose addons have not changed nothing is written.
//
// Exit status: 0 on success; 1 when the code failed (the error is printed on
// stderr and nothing is committed); 2 for bad usage or a database that cannot
// be reached, including a connection lost during the session (one line says
// so). SIGTERM or SIGHUP end odsh with status 1, its transaction rolled back;
// Ctrl-C or SIGTERM during the install of addons rolls the install back.
// Concurrent odsh processes install a new database one after the other (an
// advisory lock). PostgreSQL 13 or newer is required.
//
// # The course
//
//	odsh learn [N] [flags]        the shell, at lesson N of the course (else where you left it)
//	odsh learn --list             the lessons, one a line
//	odsh learn --check [flags]    judge every lesson's reference and wrong answers on a
//	                              throwaway demo database (or the one --db/-d names); exit 0 when all hold
//
// At the prompt, :learn does the same (:learn hint, answer, next, prev, N,
// list, off); progress is kept in learn.json beside the history
// ($XDG_STATE_HOME/odsh, else ~/.local/state/odsh).
//
// # Model reference and relation map
//
//	odsh doc MODEL [--markdown] [--addons LIST] [--db DSN]
//	odsh graph MODEL [DEPTH] [--mermaid | --dot] [--addons LIST] [--db DSN]
//
// odsh doc prints the reference of MODEL (what :doc MODEL shows): its
// attributes, the addon that defines it and those that extend it with the
// fields each adds or changes, then every field with its type, label,
// addon, attributes, relation, dependencies, related path and selection
// values; --markdown writes it as Markdown instead. odsh graph draws the
// models MODEL reaches through its relational fields, DEPTH relations out
// (default 1), and the fields of other models pointing at MODEL (at most
// 20, the others counted), as :graph does; --mermaid writes a Mermaid flowchart and
// --dot a Graphviz digraph instead. The terminal text fits the width of
// standard output's terminal ($COLUMNS, else 100 columns, when it is not
// one). Flags may come before or after the model.
//
// Without a database flag the models are those of the addons (--addons,
// default base,connector,demo) and no database is opened. With --db DSN (or
// $ODSH_DB) naming an Odoo database, its models are read from its
// reflection tables, reading only; any other database documents the
// addons' models. An unknown model is one line on stderr with the closest
// name ("odsh: unknown model "res.partnr" (did you mean "res.partner"?)"),
// status 2; so are bad arguments and a database that cannot be reached.
//
// # The prompt
//
// The prompt names the database and ends with "*> " when the transaction has
// uncommitted changes. env is the superuser's env (or --user's); fmt, strings,
// sort, time, orm and domain are imported; other packages (strconv, math,
// slices, maps, regexp, encoding/json, os, printer, …) are imported on first
// use, so strconv.Atoi(s) works without import "strconv". ~/.config/odsh/init.go
// runs at start when it exists.
//
// Assigning env (env = env.Sudo()) changes the env the helpers use too.
//
// Each entry runs in a savepoint: an error or a panic prints one line,
//
//	ValidationError: res.partner.nmae: unknown field "nmae" (did you mean "name"?)
//
// rolls back that entry only, and the session goes on. A compile error on
// a recordset idiom from Python (ps[0], ps[:3], len(ps), range ps, p.name,
// ps | qs) is followed by a line with the Go spelling: "hint: use ps.At(0)". Writes are flushed at
// the end of each entry, so a constraint fails on the entry that broke it. A
// bare expression is printed: recordsets as tables, other values as Go values;
// fmt.Println(rs) prints Odoo's repr, res.partner(1, 2). An entry continues on
// the next lines while brackets are open. Tab completes names, methods, model
// names in env.Model(", field paths in Get(", fields in domain strings and
// external ids in env.Ref(" and ref(" (modules first, then module.name).
// Ctrl-C cancels the running entry (its SQL statement is cancelled on the
// server) and rolls back only that entry; Ctrl-D leaves, asking first when
// there are uncommitted changes (Ctrl-C at that question stays; Ctrl-D on a
// continuation line drops the unfinished entry). History is kept in ~/.local/state/odsh/history.
//
// Nothing is committed unless asked: :commit, commit(), env.Commit(), or
// --commit for scripts.
//
// # Helpers
//
//	show(x, fields...)            print x (records with the given fields)
//	search(model, dom, opts...)   env.Model(model).Search(dom, opts...)
//	browse(model, ids...)         env.Model(model).Browse(ids...)
//	ref(xmlid)                    env.Ref(xmlid)
//	models()                      every model name
//	fields(model)                 the field names of a model
//	sql(query, args...)           flush, run raw SQL, print the rows
//	flush(), commit(), rollback()
//	chart(groups, "field")        bars of ReadGroup rows
//
// # Meta-commands
//
//	:help                 the commands
//	:models [PATTERN]     models whose name contains PATTERN
//	:fields MODEL         fields of MODEL with type, label, relation, flags
//	:doc NAME             a model's reference (as odsh doc), a field
//	                      (model.field), a helper, a command, or an ORM
//	                      name: Search, search_count, env.Ref, orm.Limit
//	:graph MODEL [DEPTH]  the models MODEL is related to, DEPTH relations
//	                      out (default 1), and those pointing at it, drawn
//	                      as a tree (as odsh graph)
//	:sql on|off           log SQL statements
//	:timing on|off        time, SQL statements and pending changes after each entry
//	:x                    vertical display of records
//	:commit, :rollback    end the transaction (a new one starts)
//	:undo                 roll back the last entry that wrote (up to 50 entries);
//	                      names the Go variables it cannot restore
//	:diff                 what the transaction changed: created, updated
//	                      (before → after), deleted records, per model; raw
//	                      SQL that wrote, with its command tag
//	:explain              SQL and plan of the last search
//	:user LOGIN           rebind env to another user
//	:why MODEL ID [LOGIN] may the user read and write the record; which
//	                      access line or record rule decides
//	:ctx KEY=VALUE...     extend env's context (true, false, numbers, text)
//	:load FILE            run a script in the session (one entry)
//	:save FILE            write the entries in effect as a script (undone,
//	                      rolled back and failed ones, and reads computed from
//	                      them, left out)
//	:reset                roll back and forget every variable
//	:trace                the stack of the last internal error
//	:quit                 leave
//
// # Scripts
//
// A script is what you would type at the prompt. A first line starting with
// #! is ignored, so `#!/usr/bin/env odsh` scripts run directly. Only explicit
// output is printed. The first error stops the run with status 1, printed as
// FILE:LINE: error, and nothing is committed; without --commit a script's
// changes are rolled back at the end, and odsh says so on stderr.
//
// A script runs in one REPEATABLE READ transaction. When another
// transaction changed and committed rows the script writes (or the two
// deadlock), the run exits 1, nothing committed, with one line saying so
// and how to re-run; --retry N runs the whole script again in a fresh
// transaction and session, the output of the attempt that conflicted
// discarded.
package shell
