package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"odsh/internal/testdb"
)

// BenchmarkLaunch measures odsh from exec to exit on a prepared database:
// `odsh -c 'env.UID()'` (connect, schema and checksum check, interpreter,
// one entry). BenchmarkLaunchNothing is the cost of exec alone, for
// comparison.
func BenchmarkLaunch(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "odsh")
	if out, err := exec.Command("go", "build", "-o", bin, "odsh/cmd/odsh").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	dsn := testdb.PreparedDSN(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "--db", dsn, "--addons", "base", "-c", "env.UID()")
		cmd.Env = append(os.Environ(), "ODSH_DB=")
		if out, err := cmd.CombinedOutput(); err != nil || string(out) != "1\n" {
			b.Fatalf("odsh: %v: %s", err, out)
		}
	}
}

func BenchmarkLaunchNothing(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if err := exec.Command("true").Run(); err != nil {
			b.Fatal(err)
		}
	}
}
