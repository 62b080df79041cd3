# odsh: `make shell` starts the interactive shell, `make test` runs every check CI runs.

GO ?= go
# Packages also tested with the race detector; patterns that match no
# package yet are skipped.
RACE_PKGS ?= ./orm/... ./repl/... ./shell/... ./internal/...
# Files gofmt may leave alone (generated yaegi symbols; odsh scripts, which
# are statements at top level, not Go files).
GOFMT_EXCLUDE ?= ^repl/symbols/|^scripts/

.PHONY: shell test bench generate ensure-postgres ensure-tmux fmt-check vet unit race conformance conformance-update conformance-truth

shell: ensure-postgres
	$(GO) run ./cmd/odsh $(ARGS)

test: ensure-postgres ensure-tmux fmt-check vet unit race

# bench runs the benchmarks of bench/ (the ORM and odsh beside the best
# hand-written SQL on the same schema, same run): BENCH selects them,
# BENCHTIME sets the iterations. Ratios are what to read; absolute times
# depend on the machine's load.
BENCH ?= .
BENCHTIME ?= 5x
bench: ensure-postgres
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchtime $(BENCHTIME) -timeout 60m ./bench/

# generate rewrites the yaegi symbol tables and the :doc table after a
# change of the orm, domain or printer API (a test fails while they are stale).
generate:
	$(GO) generate ./repl/symbols

ensure-postgres:
	@bash tools/ensure-postgres

ensure-tmux:
	@bash tools/ensure-tmux

fmt-check:
	@bad=$$(find . -name '*.go' -not -path './.git/*' | sed 's|^\./||' | grep -Ev '$(GOFMT_EXCLUDE)' | xargs gofmt -l || true); \
	if [ -n "$$bad" ]; then echo "gofmt: unformatted files:"; echo "$$bad"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test ./...

race:
	@pkgs=""; for p in $(RACE_PKGS); do \
		if [ -n "$$($(GO) list $$p 2>/dev/null)" ]; then pkgs="$$pkgs $$p"; fi; \
	done; \
	if [ -n "$$pkgs" ]; then echo "$(GO) test -race$$pkgs"; $(GO) test -race $$pkgs; \
	else echo "race: no package in $(RACE_PKGS) yet"; fi

# The conformance program (internal/conformance): yaegi's _test programs
# and testdata/conformance/odsh run through odsh, in script and prompt
# mode, against what the real Go toolchain prints (testdata/conformance/
# gotruth.txt). `go test ./...` runs it too and fails on a program that
# differs and is not in testdata/conformance/known-differences.txt.
#
# conformance prints the counts, the differing programs and the README table.
conformance: ensure-postgres
	$(GO) test ./internal/conformance -run '^TestConformance$$' -count=1 -v -timeout 30m -args -report -slow

# conformance-update rewrites known-differences.txt from a full run,
# keeping the causes written there for programs that still differ.
conformance-update: ensure-postgres
	$(GO) test ./internal/conformance -run '^TestConformance$$' -count=1 -timeout 30m -args -update

# conformance-truth rebuilds gotruth.txt with the go toolchain (a few
# minutes: every program is built; after a Go or yaegi upgrade, or a new
# program in testdata/conformance/odsh).
conformance-truth:
	$(GO) run ./internal/conformance/cmd/gotruth -j 2
