package shell

import (
	"io"
	"strings"
	"testing"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/orm"
)

// testApp is odsh's app: the Config of cmd/odsh.
func testApp(t *testing.T) *app {
	t.Helper()
	a, err := newApp(Config{Name: "odsh", Addons: []*orm.Addon{connector.Addon, demo.Addon}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestDatabaseFlags checks the combinations of --db, -d and --ephemeral
// and the database names parseFlags refuses before anything starts.
func TestDatabaseFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		inErr string // "" means accepted
	}{
		{"db", []string{"--db", "dbname=x"}, ""},
		{"name", []string{"-d", "we'i\"rd na\\me"}, ""},
		{"ephemeral with name", []string{"--ephemeral", "-d", "x"}, ""},
		{"ephemeral with db", []string{"--ephemeral", "--db", "dbname=x"}, "--db and --ephemeral are exclusive"},
		{"name with db", []string{"-d", "x", "--db", "dbname=x"}, "--db and -d are exclusive"},
		{"empty name", []string{"-d", ""}, "-d: the database name is empty"},
		{"63 bytes", []string{"-d", strings.Repeat("é", 31) + "x"}, ""},
		{"64 bytes", []string{"-d", strings.Repeat("é", 32)}, "64 bytes long; PostgreSQL allows 63"},
		{"nul", []string{"-d", "a\x00b"}, "NUL"},
	}
	a := testApp(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.parseFlags(tc.args, io.Discard)
			if tc.inErr == "" && err != nil || tc.inErr != "" && (err == nil || !strings.Contains(err.Error(), tc.inErr)) {
				t.Errorf("parseFlags(%q): got %v, want error containing %q", tc.args, err, tc.inErr)
			}
		})
	}
}

func TestVersionError(t *testing.T) {
	for _, tc := range []struct {
		num     int
		version string
		ok      bool
	}{
		{90624, "9.6.24", false},
		{120022, "12.22", false},
		{130000, "13.0", true},
		{150018, "15.18 (Debian 15.18-0+deb12u1)", true},
	} {
		err := versionError("odsh", tc.num, tc.version)
		if (err == nil) != tc.ok || err != nil && !strings.Contains(err.Error(), "PostgreSQL "+tc.version+" is too old: odsh needs") {
			t.Errorf("versionError(%d): got %v, want ok=%v", tc.num, err, tc.ok)
		}
	}
}
