// Defines <news-lens> if the page has not defined that tag already (a site may ship its own
// build, or load this script twice). Usage:
//   <script type="module" src=".../newslens/www/widget.js"></script>
//   <news-lens src="article.txt"></news-lens>
import { NewsLensElement } from "./news-lens.js";

if (!customElements.get("news-lens")) customElements.define("news-lens", NewsLensElement);

export { NewsLensElement };
