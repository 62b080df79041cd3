package main

// odsh doc MODEL and odsh graph MODEL: the model reference and the
// relation map (package modeldoc, :doc and :graph at the prompt) on the
// command line.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"odsh/modeldoc"
	"odsh/orm"
	"odsh/printer"
)

const (
	docUsage   = "usage: odsh doc MODEL [--markdown] [--addons LIST] [--db DSN]"
	graphUsage = "usage: odsh graph MODEL [DEPTH] [--mermaid | --dot] [--addons LIST] [--db DSN]"
)

// docArgs are the arguments of odsh doc and odsh graph.
type docArgs struct {
	dsn, addons       string
	addonsGiven       bool
	markdown, mermaid bool
	dot               bool
	positional        []string
	width             int // of the terminal on standard output
	stderr            io.Writer
}

// runDocCommand is `odsh doc MODEL [--markdown] [flags]`: the reference of
// MODEL for the terminal, or as Markdown. It returns the exit status.
func runDocCommand(args []string, stdout, stderr io.Writer) int {
	d, code := parseDocArgs(args, docUsage, stderr, false)
	if d == nil {
		return code
	}
	if len(d.positional) != 1 {
		fmt.Fprintln(stderr, docUsage)
		return exitUsage
	}
	reg, code := docRegistry(d)
	if reg == nil {
		return code
	}
	var err error
	if d.markdown {
		err = modeldoc.Markdown(stdout, reg, d.positional[0])
	} else {
		err = modeldoc.Text(stdout, reg, d.positional[0], d.width)
	}
	return docDone(stderr, err)
}

// runGraphCommand is `odsh graph MODEL [DEPTH] [--mermaid | --dot]
// [flags]`: the models around MODEL drawn for the terminal, or as Mermaid
// or Graphviz text. It returns the exit status.
func runGraphCommand(args []string, stdout, stderr io.Writer) int {
	d, code := parseDocArgs(args, graphUsage, stderr, true)
	if d == nil {
		return code
	}
	depth, err := graphDepth(d.positional)
	if err != nil || (d.mermaid && d.dot) {
		if err == nil {
			err = errors.New("--mermaid and --dot are exclusive")
		}
		fmt.Fprintf(stderr, "odsh: graph: %v\n%s\n", err, graphUsage)
		return exitUsage
	}
	reg, code := docRegistry(d)
	if reg == nil {
		return code
	}
	model := d.positional[0]
	switch {
	case d.mermaid:
		err = modeldoc.Mermaid(stdout, reg, model, depth)
	case d.dot:
		err = modeldoc.DOT(stdout, reg, model, depth)
	default:
		err = modeldoc.Graph(stdout, reg, model, depth, d.width)
	}
	return docDone(stderr, err)
}

// graphDepth reads MODEL [DEPTH].
func graphDepth(positional []string) (int, error) {
	switch len(positional) {
	case 1:
		return 1, nil
	case 2:
		n, err := strconv.Atoi(positional[1])
		if err != nil || n < 1 {
			return 0, fmt.Errorf("depth %q: want a number, 1 or more", positional[1])
		}
		return n, nil
	}
	return 0, errors.New("want MODEL and at most a DEPTH")
}

// docDone prints err (an unknown model, say) and returns the exit status.
func docDone(stderr io.Writer, err error) int {
	var ue *modeldoc.UnknownModelError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "odsh: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "odsh: %v\n", err)
		return exitFail
	}
	return exitOK
}

// parseDocArgs reads the flags of odsh doc (graph false) or odsh graph,
// before and after the positional arguments. A nil result comes with the
// exit status.
func parseDocArgs(args []string, usage string, stderr io.Writer, graph bool) (*docArgs, int) {
	d := &docArgs{stderr: stderr, width: printer.TerminalWidth(os.Stdout.Fd())}
	fs := flag.NewFlagSet("odsh", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&d.dsn, "db", "", "read the models of this database when it is an Odoo database (default $ODSH_DB)")
	fs.StringVar(&d.addons, "addons", defaultAddons, "comma-separated addons whose models are documented")
	if graph {
		fs.BoolVar(&d.mermaid, "mermaid", false, "write a Mermaid flowchart")
		fs.BoolVar(&d.dot, "dot", false, "write a Graphviz digraph")
	} else {
		fs.BoolVar(&d.markdown, "markdown", false, "write Markdown")
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, exitOK
		} else if err != nil {
			return nil, exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		d.positional = append(d.positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	fs.Visit(func(fl *flag.Flag) { d.addonsGiven = d.addonsGiven || fl.Name == "addons" })
	if d.dsn == "" {
		d.dsn = os.Getenv("ODSH_DB")
	}
	if len(d.positional) == 0 {
		fmt.Fprintln(stderr, usage)
		return nil, exitUsage
	}
	return d, exitOK
}

// docRegistry is the registry to document: an Odoo database's, read from
// its reflection tables, when --db (or $ODSH_DB) names one; otherwise the
// addons' (no database is needed). A nil registry comes with the exit
// status, the reason printed.
func docRegistry(d *docArgs) (*orm.Registry, int) {
	if d.dsn != "" {
		reg, err := odooRegistry(d.dsn)
		if err != nil {
			fmt.Fprintf(d.stderr, "odsh: database: %v\n", err)
			return nil, exitUsage
		}
		if reg != nil {
			return reg, exitOK
		}
	}
	addons, err := resolveAddons(d.addons, !d.addonsGiven)
	if err != nil {
		fmt.Fprintf(d.stderr, "odsh: %v\n", err)
		return nil, exitUsage
	}
	reg, err := orm.NewRegistryFrom(addons)
	if err != nil {
		fmt.Fprintf(d.stderr, "odsh: %v\n", err)
		return nil, exitFail
	}
	return reg, exitOK
}

// odooRegistry reads the registry of the database dsn names when it is an
// Odoo database, reading only; nil (and no error) for any other database.
func odooRegistry(dsn string) (*orm.Registry, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cfg, err := orm.ConnConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("bad connection string: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(cfg, err)
	}
	defer conn.Close(context.Background())
	info, err := orm.DetectDatabase(ctx, conn)
	if err != nil || info.Kind != orm.DatabaseOdoo {
		return nil, err
	}
	return orm.LoadOdooRegistry(ctx, conn)
}

// runDocGraph runs odsh doc or odsh graph on the standard streams.
func runDocGraph(cmd string, args []string) int {
	if cmd == "doc" {
		return runDocCommand(args, os.Stdout, os.Stderr)
	}
	return runGraphCommand(args, os.Stdout, os.Stderr)
}
