invoke-static {}, Lcom/x/Y;->early()V
.class public Lcom/example/Hostile;
.super Ljava/lang/Object;

.frobnicate something

const-string v0, "outside"

.method public ok()V
    .registers 2
    this is not smali
    const-string v0, "unterminated
    invoke-virtual {v0}, garbage
    .weird
    return-void
.end method

.end method

.method public lost()V
    .registers 2
    invoke-static {}, Lcom/example/Hostile;->ok()V
