# odsh: `make shell` starts the interactive shell, `make test` runs every check CI runs.

GO ?= go
# Packages also tested with the race detector; patterns that match no
# package yet are skipped.
RACE_PKGS ?= ./orm/... ./repl/... ./internal/...
# Files gofmt may leave alone (generated yaegi symbols; odsh scripts, which
# are statements at top level, not Go files).
GOFMT_EXCLUDE ?= ^repl/symbols/|^scripts/

.PHONY: shell test generate ensure-postgres ensure-tmux fmt-check vet unit race

shell: ensure-postgres
	$(GO) run ./cmd/odsh $(ARGS)

test: ensure-postgres ensure-tmux fmt-check vet unit race

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
