//go:build unix

package store

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used (user and system),
// the measure a shared machine disturbs least.
func cpuTime() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
