"""The Wagtail admin as each editorial role sees it: who gets in, and what each of them is shown."""
