package bench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
)

// BenchmarkOdooRegistry measures reading the registry of the provided Odoo
// 18 database (506 models, 9,766 fields) from its reflection tables and
// setting it up; BenchmarkOdshRegistry builds odsh's own from its addons,
// for comparison.
func BenchmarkOdooRegistry(b *testing.B) {
	ctx := context.Background()
	conn, err := orm.Connect(ctx, testdb.OdooDSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := orm.LoadOdooRegistry(ctx, conn); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOdshRegistry(b *testing.B) {
	addons := testdb.Registry(b).Addons()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := orm.NewRegistryFrom(addons); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLaunchOdoo is BenchmarkLaunch on the Odoo database: odsh from
// exec to exit, `odsh -c 'env.UID()'` (connect, recognise the database,
// read its registry, interpreter, one entry).
func BenchmarkLaunchOdoo(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "odsh")
	if out, err := exec.Command("go", "build", "-o", bin, "odsh/cmd/odsh").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	dsn := testdb.OdooDSN(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "--db", dsn, "-c", "env.UID()")
		cmd.Env = append(os.Environ(), "ODSH_DB=")
		if out, err := cmd.CombinedOutput(); err != nil || string(out) != "1\n" {
			b.Fatalf("odsh: %v: %s", err, out)
		}
	}
}
