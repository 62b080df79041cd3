package main

import (
	"errors"
	"fmt"
	"sync"
)

// A function literal held in a variable, deferred through it, recovers
// as Go's does.

func viaVariable() (err error) {
	handler := func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}
	defer handler()
	panic("boom")
}

func notWhenCalledDirectly() {
	check := func() {
		fmt.Println("called directly, recover gives", recover())
	}
	check()
}

func declinedHandler() (got any) {
	defer func() { got = recover() }()
	onlyStrings := func() {
		if r := recover(); r != nil {
			if s, ok := r.(string); ok {
				fmt.Println("handled", s)
				return
			}
			panic(r)
		}
	}
	defer onlyStrings()
	panic(errors.New("not a string"))
}

func withOtherDefers() (log []string) {
	var h func()
	h = func() {
		if r := recover(); r != nil {
			log = append(log, fmt.Sprint("h got ", r))
		}
	}
	defer h()
	defer func() { log = append(log, "cleanup ran") }()
	defer func() { panic("from a deferred call") }()
	return nil
}

func noPanic() string {
	h := func() { fmt.Println("no panic, recover gives", recover()) }
	defer h()
	return "returned"
}

var lastErr error

var packageHandler = func() {
	if r := recover(); r != nil {
		lastErr = fmt.Errorf("package handler: %v", r)
	}
}

func viaPackageVariable() error {
	func() {
		defer packageHandler()
		panic("kaput")
	}()
	return lastErr
}

func main() {
	fmt.Println(viaVariable())
	fmt.Println(viaPackageVariable())
	notWhenCalledDirectly()
	fmt.Println("declined:", declinedHandler())
	fmt.Println(withOtherDefers())
	fmt.Println(noPanic())
	var wg sync.WaitGroup
	results := make([]error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := func() {
				if r := recover(); r != nil {
					results[i] = fmt.Errorf("worker %d: %v", i, r)
				}
			}
			defer h()
			if i%2 == 1 {
				panic("odd")
			}
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
