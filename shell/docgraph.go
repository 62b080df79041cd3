package shell

// NAME doc MODEL and NAME graph MODEL: the model reference and the
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

// docUsage and graphUsage are the usage lines of NAME doc and NAME graph.
func (a *app) docUsage() string {
	return "usage: " + a.name + " doc MODEL [--markdown] [--addons LIST] [--db DSN]"
}

func (a *app) graphUsage() string {
	return "usage: " + a.name + " graph MODEL [DEPTH] [--mermaid | --dot] [--addons LIST] [--db DSN]"
}

// docArgs are the arguments of NAME doc and NAME graph.
type docArgs struct {
	dsn, addons       string
	addonsGiven       bool
	markdown, mermaid bool
	dot               bool
	positional        []string
	width             int // of the terminal on standard output
	stderr            io.Writer
}

// runDocCommand is `NAME doc MODEL [--markdown] [flags]`: the reference of
// MODEL for the terminal, or as Markdown. It returns the exit status.
func (a *app) runDocCommand(args []string, stdout, stderr io.Writer) int {
	d, code := a.parseDocArgs(args, a.docUsage(), stderr, false)
	if d == nil {
		return code
	}
	if len(d.positional) != 1 {
		fmt.Fprintln(stderr, a.docUsage())
		return exitUsage
	}
	reg, code := a.docRegistry(d)
	if reg == nil {
		return code
	}
	var err error
	if d.markdown {
		err = modeldoc.Markdown(stdout, reg, d.positional[0])
	} else {
		err = modeldoc.Text(stdout, reg, d.positional[0], d.width)
	}
	return a.docDone(stderr, err)
}

// runGraphCommand is `NAME graph MODEL [DEPTH] [--mermaid | --dot]
// [flags]`: the models around MODEL drawn for the terminal, or as Mermaid
// or Graphviz text. It returns the exit status.
func (a *app) runGraphCommand(args []string, stdout, stderr io.Writer) int {
	d, code := a.parseDocArgs(args, a.graphUsage(), stderr, true)
	if d == nil {
		return code
	}
	depth, err := graphDepth(d.positional)
	if err != nil || (d.mermaid && d.dot) {
		if err == nil {
			err = errors.New("--mermaid and --dot are exclusive")
		}
		fmt.Fprintf(stderr, "%s: graph: %v\n%s\n", a.name, err, a.graphUsage())
		return exitUsage
	}
	reg, code := a.docRegistry(d)
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
	return a.docDone(stderr, err)
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
func (a *app) docDone(stderr io.Writer, err error) int {
	var ue *modeldoc.UnknownModelError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s: %v\n", a.name, err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", a.name, err)
		return exitFail
	}
	return exitOK
}

// parseDocArgs reads the flags of NAME doc (graph false) or NAME graph,
// before and after the positional arguments. A nil result comes with the
// exit status.
func (a *app) parseDocArgs(args []string, usage string, stderr io.Writer, graph bool) (*docArgs, int) {
	d := &docArgs{stderr: stderr, width: printer.TerminalWidth(os.Stdout.Fd())}
	fs := flag.NewFlagSet(a.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&d.dsn, "db", "", "read the models of this database when it is an Odoo database (default $"+a.dbEnv+")")
	fs.StringVar(&d.addons, "addons", a.defaults, "comma-separated addons whose models are documented")
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
		d.dsn = os.Getenv(a.dbEnv)
	}
	if len(d.positional) == 0 {
		fmt.Fprintln(stderr, usage)
		return nil, exitUsage
	}
	return d, exitOK
}

// docRegistry is the registry to document: an Odoo database's, read from
// its reflection tables, when --db (or $NAME_DB) names one; otherwise the
// addons' (no database is needed). A nil registry comes with the exit
// status, the reason printed.
func (a *app) docRegistry(d *docArgs) (*orm.Registry, int) {
	if d.dsn != "" {
		reg, err := odooRegistry(d.dsn)
		if err != nil {
			fmt.Fprintf(d.stderr, "%s: database: %v\n", a.name, err)
			return nil, exitUsage
		}
		if reg != nil {
			return reg, exitOK
		}
	}
	addons, err := a.resolveAddons(d.addons, !d.addonsGiven)
	if err != nil {
		fmt.Fprintf(d.stderr, "%s: %v\n", a.name, err)
		return nil, exitUsage
	}
	reg, err := orm.NewRegistryFrom(addons)
	if err != nil {
		fmt.Fprintf(d.stderr, "%s: %v\n", a.name, err)
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

// runDocGraph runs NAME doc or NAME graph on the standard streams.
func (a *app) runDocGraph(cmd string, args []string) int {
	if cmd == "doc" {
		return a.runDocCommand(args, os.Stdout, os.Stderr)
	}
	return a.runGraphCommand(args, os.Stdout, os.Stderr)
}
