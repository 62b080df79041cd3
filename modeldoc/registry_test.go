package modeldoc_test

import (
	"sync"
	"testing"

	"odsh/addons/base"
	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/orm"
)

var (
	regOnce sync.Once
	reg     *orm.Registry
	regErr  error
)

// registry is the registry of base, connector and demo (no database).
func registry(t *testing.T) *orm.Registry {
	t.Helper()
	regOnce.Do(func() {
		var addons []*orm.Addon
		addons, regErr = orm.OrderAddons([]*orm.Addon{base.Addon, connector.Addon, demo.Addon}, "base", "connector", "demo")
		if regErr == nil {
			reg, regErr = orm.NewRegistryFrom(addons)
		}
	})
	if regErr != nil {
		t.Fatal(regErr)
	}
	return reg
}
