// Package testdb gives each test binary a real PostgreSQL: one private
// cluster (pglocal, fsync off, in a temporary directory) started on first
// use and stopped when the binary exits. Tests never skip for want of a
// server. Set ODSH_TEST_DSN to use an existing server instead.
//
// A package whose tests use it calls Main from TestMain:
//
//	func TestMain(m *testing.M) { testdb.Main(m) }
//
//	func TestSomething(t *testing.T) {
//		conn, err := pgx.Connect(ctx, testdb.DSN(t))
//		...
//	}
//
// Helpers that give each test an orm.Env in a transaction rolled back at
// cleanup (testdb.Env) are to be added here by package orm's owners; this
// file and cluster.go hold only the server part.
package testdb
