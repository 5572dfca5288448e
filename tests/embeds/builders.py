"""What the embed and item page tests read out of a page."""

import json


def viewer_config(response, inventory: str) -> dict:
    html = response.content.decode()
    marker = f'<script id="viewer-config-{inventory}" type="application/json">'
    start = html.index(marker) + len(marker)
    return json.loads(html[start : html.index("</script>", start)])
