"""Crediting members as authors of posts: asked in the editor, credited only once they accept on the site."""
