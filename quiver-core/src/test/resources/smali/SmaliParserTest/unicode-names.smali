.class public Lcom/例え/Ωmega$ß;
.super Ljava/lang/Object;

.field private 名前:Ljava/lang/String;

.method public 実行(Lcom/例え/Ωmega$ß;)V
    .registers 2
    const-string v0, "日本語 ünïcödé 🎉"
    invoke-virtual {p1}, Lcom/例え/Ωmega$ß;->実行(Lcom/例え/Ωmega$ß;)V
    return-void
.end method
