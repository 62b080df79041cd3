package demo

import (
	"fmt"
	"io"
	"math/rand"
	"time"

	"odsh/orm"
)

// Sizes of demo data Load knows.
const (
	SizeNone  = "none"
	SizeSmall = "small"
	SizeLarge = "large"
)

// plan is how much data a size makes.
type plan struct{ products, partners, orders, batch int }

var plans = map[string]plan{
	SizeSmall: {products: 36, partners: 24, orders: 120, batch: 120},
	SizeLarge: {products: 200, partners: 2000, orders: 30000, batch: 2500},
}

// Load creates demo data in env's transaction: nothing for "none"; a few
// dozen products, partners in several countries and about a hundred
// orders for "small"; tens of thousands of orders for "large". The data is
// the same at every run (seeded), and created in big batches: one Create
// per kind of record, orders with their lines.
func Load(env *orm.Env, size string) error { return LoadProgress(env, size, nil) }

// LoadProgress is Load, drawing a progress bar on w for the million-record
// size "1m" (loaded with COPY: load_copy.go).
func LoadProgress(env *orm.Env, size string, w io.Writer) error {
	if size == SizeNone || size == "" {
		return nil
	}
	if size == SizeMillion {
		return loadCopy(env, million, w)
	}
	p, ok := plans[size]
	if !ok {
		return fmt.Errorf("demo: unknown data size %q (none, small, large, 1m)", size)
	}
	rng := rand.New(rand.NewSource(18))
	products := createProducts(env, rng, p.products)
	partners := createPartners(env, rng, p.partners)
	for done := 0; done < p.orders; done += p.batch {
		createOrders(env, rng, products, partners, done, min(p.batch, p.orders-done))
	}
	env.FlushAll()
	return nil
}

var (
	adjectives = []string{"Oak", "Steel", "Linen", "Glass", "Copper", "Walnut", "Granite", "Velvet", "Bamboo", "Marble", "Cedar", "Wool"}
	nouns      = []string{"Desk", "Chair", "Lamp", "Shelf", "Table", "Stool", "Cabinet", "Bench", "Mirror", "Rug", "Sofa", "Drawer"}
	firstNames = []string{"Ada", "Bruno", "Chloé", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luis"}
	lastNames  = []string{"Martin", "Dubois", "Müller", "Rossi", "García", "Smith", "Janssens", "Novak", "Peeters", "Silva", "Weber", "Berg"}
	countries  = []string{"BE", "FR", "DE", "NL", "LU", "US", "GB", "ES", "IT", "CH"}
	states     = []string{"draft", "confirmed", "confirmed", "done", "cancel"}
)

func createProducts(env *orm.Env, rng *rand.Rand, n int) []int64 {
	vals := make([]orm.Values, n)
	for i := range vals {
		name := fmt.Sprintf("%s %s", adjectives[i%len(adjectives)], nouns[(i/len(adjectives)+i)%len(nouns)])
		if i >= len(adjectives)*len(nouns) {
			name = fmt.Sprintf("%s %d", name, i)
		}
		vals[i] = orm.Values{"name": name, "list_price": float64(rng.Intn(90000)+500) / 100}
	}
	return env.Model("demo.product").Create(vals...).IDs()
}

func createPartners(env *orm.Env, rng *rand.Rand, n int) []int64 {
	found := env.Model("res.country").Search([]any{[]any{"code", "in", countries}}, orm.Order("code"))
	cids := found.IDs()
	vals := make([]orm.Values, n)
	for i := range vals {
		v := orm.Values{"name": fmt.Sprintf("%s %s", firstNames[rng.Intn(len(firstNames))], lastNames[rng.Intn(len(lastNames))])}
		if len(cids) > 0 && i%7 != 6 { // some partners have no country
			v["country_id"] = cids[rng.Intn(len(cids))]
		}
		vals[i] = v
	}
	return env.Model("res.partner").Create(vals...).IDs()
}

// createOrders creates n orders (numbered from first+1) with 1 to 5 lines
// each, in one Create.
func createOrders(env *orm.Env, rng *rand.Rand, products, partners []int64, first, n int) {
	start := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	vals := make([]orm.Values, n)
	for i := range vals {
		lines := make([]any, 1+rng.Intn(5))
		for j := range lines {
			lines[j] = orm.Command.Create(orm.Values{
				"product_id": products[rng.Intn(len(products))],
				"quantity":   float64(1 + rng.Intn(12)),
			})
		}
		vals[i] = orm.Values{
			"name":       fmt.Sprintf("SO%05d", first+i+1),
			"partner_id": partners[rng.Intn(len(partners))],
			"state":      states[rng.Intn(len(states))],
			"date_order": start.Add(time.Duration(rng.Intn(365*24*60)) * time.Minute),
			"line_ids":   lines,
		}
	}
	env.Model("demo.order").Create(vals...)
}
