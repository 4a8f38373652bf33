"""Demo images, drawn here from figures in the demo content: charts a council team might post.

Each image is drawn with Pillow when the demo is loaded, so the demo carries no picture files.
"""

import io

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 960, 540
MARGIN = {"left": 90, "right": 30, "top": 80, "bottom": 90}
INK, BAR, HIGHLIGHT, GRID = "#0b0c0c", "#1d70b8", "#d4351c", "#b1b4b6"

CHARTS = {
    "ardmoyle-reading-hours": {
        "title": "When Ardmoyle residents opened practical updates",
        "axis": "Share of a year's link clicks (%)",
        "bars": [
            ("6am", 1.5),
            ("7am", 4),
            ("8am", 5),
            ("9am", 3.5),
            ("10am", 4),
            ("11am", 5),
            ("12pm", 8),
            ("1pm", 7.5),
            ("2pm", 4.5),
            ("3pm", 4),
            ("4pm", 5),
            ("5pm", 6),
            ("6pm", 8.5),
            ("7pm", 13),
            ("8pm", 11),
            ("9pm", 6.5),
            ("10pm", 3),
        ],
        "highlight": {"9am", "7pm"},
    },
}


def font(size):
    return ImageFont.load_default(size=size)


def draw_chart(slug):
    """Return a bar chart from CHARTS as PNG bytes, its highlighted bars in red."""
    chart = CHARTS[slug]
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN["left"], 24), chart["title"], fill=INK, font=font(28))

    left, top = MARGIN["left"], MARGIN["top"]
    right, bottom = WIDTH - MARGIN["right"], HEIGHT - MARGIN["bottom"]
    top_value = max(value for _, value in chart["bars"])
    scale = (bottom - top) / (top_value * 1.1)
    for tick in range(0, int(top_value) + 1, 2):
        y = bottom - tick * scale
        draw.line([(left, y), (right, y)], fill=GRID, width=1)
        draw.text((left - 12, y), str(tick), fill=INK, font=font(16), anchor="rm")

    slot = (right - left) / len(chart["bars"])
    for position, (name, value) in enumerate(chart["bars"]):
        x = left + position * slot
        colour = HIGHLIGHT if name in chart["highlight"] else BAR
        draw.rectangle([(x + slot * 0.15, bottom - value * scale), (x + slot * 0.85, bottom)], fill=colour)
        draw.text((x + slot / 2, bottom + 10), name, fill=INK, font=font(15), anchor="mt")
    draw.line([(left, bottom), (right, bottom)], fill=INK, width=2)
    draw.text(((left + right) / 2, HEIGHT - 30), chart["axis"], fill=INK, font=font(18), anchor="mm")

    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
