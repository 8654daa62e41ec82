// Package coverage compares how several outlets cover the same event: which
// content units (actors, sources, direct quotes, numbers, dates and claims)
// each article carries, which of them the other outlets share, which an
// outlet alone has and which it leaves out, who each outlet lets speak, how
// tangential or unshared each sentence is (an informational-bias score), and
// which articles are syndicated copies of one another.
//
// It sits above framing: it reads framing.Result values (the actors, quotes,
// speakers and evidence framing found) and never changes them; framing does
// not import it. Build a Report with Analyze; every span it lists is a
// half-open byte range into the article's Result.Text.
package coverage
