// Package slantbeam runs Slant's per-source profiling as an Apache Beam
// pipeline, so a corpus too large for one machine can be analysed on Flink,
// Spark or Dataflow, and a small one locally on the prism runner.
//
// The pipeline is
//
//	fileio.MatchFiles + textio.ReadAll (JSON Lines; no matching file fails)
//	  → ParDo(analyzeFn): parse the line as corpus.JSONL does, analyse it with
//	    a framing.Analyzer built once per worker in Setup, and emit
//	    KV<group key, single-article *framing.Profile>
//	  → CombinePerKey(mergeProfilesFn): the accumulator is Slant's own
//	    mergeable *framing.Profile (Merge is associative and commutative)
//	  → profiles as JSON (the same document `slant profile --out` writes)
//	  → optionally framing.Compare of a target with a reference, as JSON.
//
// Only profiles travel between stages, encoded with Profile.MarshalBinary
// (a coder registered for *framing.Profile), never the JSON default coder.
// The result equals the single-machine path (framing.Run and
// framing.Profiles.Add) on the same input: counts, sorted values, term and
// category counts, exemplars and the comparison exactly, the floating sums
// of the moments up to summation order.
//
// This package lives in its own Go module (github.com/slantlab/slant/beam),
// so that importing Slant's core never pulls in the Beam SDK.
package slantbeam
