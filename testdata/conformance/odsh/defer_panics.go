package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

// A deferred call that panics does not stop the calls deferred before
// it; recover in them returns the newest panic.

func panickingDefer() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	defer fmt.Println("deferred before the panicking one runs")
	defer func() {
		panic("in a deferred call")
	}()
	fmt.Println("body")
	return nil
}

func rethrow() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("outer caught %v", r)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("wrapped: ", r))
		}
	}()
	panic("original")
}

func helperRecover() any { return recover() }

func handle(name string, err *error) {
	if h := helperRecover(); h != nil {
		fmt.Println("a helper's recover must not see the panic:", h)
	}
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %v", name, r)
	}
}

func cleanup(what string) {
	panic("cleanup of " + what + " failed")
}

func declaredHandler() (err error) {
	defer handle("declaredHandler", &err)
	defer cleanup("files")
	fmt.Println("declaredHandler body")
	return nil
}

type job struct{ name string }

func (j *job) recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("job %s: %v", j.name, r)
	}
}

func methodHandler() (err error) {
	j := &job{"nightly"}
	defer j.recoverInto(&err)
	ch := make(chan int)
	close(ch)
	defer close(ch)
	return nil
}

func replaced() {
	defer fmt.Println("replaced: every deferred call ran")
	defer func() { panic("second") }()
	panic("first")
}

func callerRecovers(f func()) (got any) {
	defer func() { got = recover() }()
	f()
	return nil
}

func loopDefers() (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	for i := range 3 {
		defer func() {
			n++
			if i == 1 {
				panic(fmt.Sprintf("iteration %d", i))
			}
		}()
	}
	return 0, nil
}

func worker(id int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("worker recovered: ", r)
		}
	}()
	defer func() {
		if id%2 == 0 {
			panic(fmt.Sprintf("even %d", id))
		}
	}()
	return fmt.Sprint("worker ", id, " done")
}

func variableCleanup() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught %v", r)
		}
	}()
	cleanup := func() { panic("cleanup failed") }
	defer fmt.Println("deferred before the variable's call runs")
	defer cleanup()
	return nil
}

func main() {
	fmt.Println(panickingDefer())
	fmt.Println(variableCleanup())
	fmt.Println(rethrow())
	fmt.Println(declaredHandler())
	fmt.Println(methodHandler())
	fmt.Println("caller got:", callerRecovers(replaced))
	fmt.Println(loopDefers())

	var wg sync.WaitGroup
	var mu sync.Mutex
	var out []string
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := worker(i)
			mu.Lock()
			out = append(out, m)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(out)
	for _, m := range out {
		fmt.Println(m)
	}
}
