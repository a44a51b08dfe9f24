//go:build race

package main

// raceEnabled reports a build with the race detector, under which
// sync.Pool drops what it is given at random: code that pools buffers (the
// regexp package does) then allocates on every call, and allocation
// figures say nothing about the code.
const raceEnabled = true
