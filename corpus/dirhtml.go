package corpus

// articleFromHTML reads an HTML file of a directory through the article
// extractor (see html.go).
func articleFromHTML(data []byte, p, loc string, lim Limits) (*Article, error) {
	return htmlArticle(data, p, loc, lim)
}
