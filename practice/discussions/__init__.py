"""Discussions on the public site: members start threads, reply, edit for a while; facilitators run them.

`rules` says who may do what and builds a thread's reply tree, `forms` checks what members send,
`services` writes it, and `views` ties them to the URLs in practice.discussions.urls.
"""
