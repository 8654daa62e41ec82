// Command slant measures loaded language, editorializing and framing in news
// articles, per article and per outlet, with the text spans behind every
// number. Run "slant --help" for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK       = 0
	exitAnalysis = 1 // the analysis failed (bad input, I/O)
	exitUsage    = 2 // the command line was wrong
)

// usageError marks an error in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code; tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	root, mem := newRootMemory(stdout, stderr)
	defer mem.release()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "slant:", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return exitUsage
	}
	return exitAnalysis
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root, _ := newRootMemory(stdout, stderr)
	return root
}

// newRootMemory returns the root command and its --memory-limit, which
// the caller releases when the command has run.
func newRootMemory(stdout, stderr io.Writer) (*cobra.Command, *memoryFlags) {
	mem := &memoryFlags{}
	root := &cobra.Command{
		Use:   "slant",
		Short: "Measure bias and framing in news articles, with evidence",
		Long: `slant measures what is loaded or editorialized in news articles, where (exact text
spans), how much (rates with confidence intervals) and whether two outlets really differ.

With no path, commands run on the five bundled seed articles (the 2025 Paris summit
on security guarantees for Ukraine).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			return mem.apply()
		},
	}
	mem.register(root)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newAnalyzeCmd(), newCompareCmd(), newProfileCmd(), newReportCmd(), newExportCmd(), newKwicCmd(), newBenchCmd(), newEvalCmd(), newEvalFramesCmd(), newTrainCmd(), newLexiconCmd(), newCoverageCmd(), newEvalCoverageCmd())
	return root, mem
}

// isCobraUsage recognises cobra's own argument errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "accepts ", "requires at least", "requires at most", "invalid argument", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// commandContext is the command's context, or Background when cobra runs
// it without one (tests call Execute directly).
func commandContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
